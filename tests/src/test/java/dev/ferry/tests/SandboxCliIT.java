package dev.ferry.tests;

import dev.ferry.sandbox.monitoring.MonitoringBinaries;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

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
 * the built distribution, and a '--sandbox' command against what it started. That a restart keeps
 * HDFS data and the metastore's database is tested on the sandbox module's controller
 * (SandboxLifecycleIT); here is what the CLI adds. It needs nothing of the shared cluster, so it
 * runs beside the other suites (junit-platform.properties).
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(600)
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
    void givenAnEmptyDirectory_whenTheSandboxStartsAndStops_thenStatusAndSandboxCommandsFollowIt() throws Exception {
        // when
        Run started = ferry("sandbox", "start", "--dir", DIR.toString());

        // then: every service is up, as status reports it as JSON
        assertThat(started.exitCode()).as(started.output()).isZero();
        Run status = ferry("sandbox", "status", "--dir", DIR.toString(), "-o", "json");
        JsonNode up = JSON.readTree(status.output());
        assertThat(up.get("running").asBoolean()).as(status.output()).isTrue();
        assertThat(up.get("healthy").asBoolean()).as(status.output()).isTrue();
        List<String> services =
                new ArrayList<>(List.of("hdfs", "hive-metastore", "yarn-resourcemanager", "yarn-web", "zookeeper"));
        if (MonitoringBinaries.find().isPresent()) {
            services.addAll(List.of("prometheus", "alertmanager", "pushgateway"));
        } else {
            assertThat(up.get("notes").toString()).contains("install-monitoring.sh");
        }
        assertThat(up.get("services").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(services);
        up.get("services")
                .forEach(service -> assertThat(service.get("up").asBoolean()).isTrue());

        // and a database a plain Hive client made is what 'ferry --sandbox catalog' sees
        HiveMetaStoreClient writer = metastoreClient();
        try {
            writer.createDatabase(new Database("made", "by a plain client", null, Map.of("owner", "sandbox-it")));
        } finally {
            writer.close();
        }
        Run databases = ferry("-Dferry.sandbox.dir=" + DIR, "--sandbox", "catalog", "databases", "-o", "json");
        assertThat(JSON.readTree(databases.output()).get("databases"))
                .extracting(JsonNode::asText)
                .contains("default", "made");

        // when
        Run stopped = ferry("sandbox", "stop", "--dir", DIR.toString());

        // then
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        Run after = ferry("sandbox", "status", "--dir", DIR.toString(), "-o", "json");
        JsonNode down = JSON.readTree(after.output());
        assertThat(down.get("running").asBoolean()).as(after.output()).isFalse();
        down.get("services")
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
