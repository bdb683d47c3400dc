package dev.ferry.tests;

import dev.ferry.sandbox.monitoring.MonitoringBinaries;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox as a newcomer drives it: 'ferry sandbox start|status|stop --dir D' as processes of
 * the built distribution, and metastore data that outlives a stop and a start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "sandbox-cli-it").toAbsolutePath();
    private static final long PROCESS_TIMEOUT_SECONDS = 300;

    @BeforeAll
    static void startFromAnEmptyDirectory() throws IOException {
        if (Files.exists(DIR)) {
            try (var paths = Files.walk(DIR)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterAll
    static void stopTheSandbox() throws Exception {
        ferry("sandbox", "stop", "--dir", DIR.toString());
    }

    @Test
    @Order(1)
    void startBringsEveryServiceUpAndStatusReportsThemAsJson() throws Exception {
        // when
        Run started = ferry("sandbox", "start", "--dir", DIR.toString());
        Run status = ferry("sandbox", "status", "--dir", DIR.toString(), "-o", "json");

        // then
        assertThat(started.exitCode()).as(started.output()).isZero();
        JsonNode json = JSON.readTree(status.output());
        assertThat(json.get("running").asBoolean()).as(status.output()).isTrue();
        assertThat(json.get("healthy").asBoolean()).as(status.output()).isTrue();
        List<String> services =
                new ArrayList<>(List.of("hdfs", "hive-metastore", "yarn-resourcemanager", "yarn-web", "zookeeper"));
        if (MonitoringBinaries.find().isPresent()) {
            services.addAll(List.of("prometheus", "alertmanager", "pushgateway"));
        } else {
            assertThat(json.get("notes").toString()).contains("install-monitoring.sh");
        }
        assertThat(json.get("services").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(services);
        json.get("services")
                .forEach(service -> assertThat(service.get("up").asBoolean()).isTrue());
    }

    @Test
    @Order(2)
    void aDatabaseInTheMetastoreOutlivesAStopAndAStart() throws Exception {
        // given: a database created by a plain Hive client, as Hive or Spark would
        HiveMetaStoreClient writer = metastoreClient();
        try {
            writer.createDatabase(new Database("kept", "made before the restart", null, Map.of("owner", "sandbox-it")));
        } finally {
            writer.close();
        }

        // when
        assertThat(ferry("sandbox", "stop", "--dir", DIR.toString()).exitCode()).isZero();
        Run restarted = ferry("sandbox", "start", "--dir", DIR.toString());

        // then: the restarted metastore still has it, as 'ferry catalog' and the plain client see it
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        Run databases = ferry("-Dferry.sandbox.dir=" + DIR, "--sandbox", "catalog", "databases", "-o", "json");
        assertThat(JSON.readTree(databases.output()).get("databases"))
                .extracting(JsonNode::asText)
                .contains("default", "kept");
        HiveMetaStoreClient reader = metastoreClient();
        try {
            Database kept = reader.getDatabase("kept");
            assertThat(kept.getDescription()).isEqualTo("made before the restart");
            assertThat(kept.getParameters()).containsEntry("owner", "sandbox-it");
        } finally {
            reader.close();
        }
    }

    @Test
    @Order(3)
    void stopShutsEverythingDownAndStatusSaysSo() throws Exception {
        // when
        Run stopped = ferry("sandbox", "stop", "--dir", DIR.toString());
        Run status = ferry("sandbox", "status", "--dir", DIR.toString(), "-o", "json");

        // then
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        JsonNode json = JSON.readTree(status.output());
        assertThat(json.get("running").asBoolean()).as(status.output()).isFalse();
        json.get("services")
                .forEach(service -> assertThat(service.get("up").asBoolean()).isFalse());
    }

    private static HiveMetaStoreClient metastoreClient() throws Exception {
        JsonNode status = JSON.readTree(ferry("sandbox", "status", "--dir", DIR.toString(), "-o", "json")
                .output());
        HiveConf conf = new HiveConf();
        conf.setVar(
                HiveConf.ConfVars.METASTOREURIS,
                status.get("services").get("hive-metastore").get("address").asText());
        return new HiveMetaStoreClient(conf);
    }

    private record Run(int exitCode, String output) {}

    /** bin/ferry as its own process; stdout and stderr together. */
    private static Run ferry(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(YarnTestCluster.ferryHome().resolve("bin/ferry").toString()));
        command.addAll(Arrays.asList(args));
        Path output = Files.createTempFile(Path.of("target"), "sandbox-cli", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("HADOOP_CLASSPATH");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "bin/ferry " + String.join(" ", args) + " did not exit within " + PROCESS_TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
