package dev.ferry.sandbox.control;

import dev.ferry.sandbox.monitoring.MonitoringBinaries;
import dev.ferry.sandbox.status.DaemonState;
import dev.ferry.sandbox.status.SandboxStatus;
import dev.ferry.sandbox.status.ServiceStatus;

import org.apache.commons.io.IOUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox daemon as the CLI drives it: a real background JVM started from a Ferry home
 * assembled from this module's target/opt, through its whole life in one scenario (start, a
 * refused second start, a restart that keeps everything, a stop): each step needs the state the
 * one before left, and a sandbox costs a minute to start.
 */
@Timeout(480)
class SandboxLifecycleIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final String KEPT_FILE = "/kept/across-restart.txt";

    private static SandboxController controller;
    private static Path sandboxDir;

    @BeforeAll
    static void assembleHome() throws IOException {
        Path home = TestFerryHome.assemble();
        sandboxDir = Files.createTempDirectory("sandbox-lifecycle-it-");
        controller = new SandboxController(home, sandboxDir, new SandboxSettings(2048, 2, "derby"));
    }

    @AfterAll
    static void stopSandbox() throws SandboxException {
        if (controller != null) {
            controller.stop(STOP_TIMEOUT);
        }
    }

    @Test
    void givenAnEmptyDir_whenStartedRestartedAndStopped_thenServicesComeUpKeepTheirDataAndGoDown() throws Exception {
        // when: started in an empty directory
        SandboxStatus firstStart = controller.start(START_TIMEOUT);

        // then every service is up, and the client configuration names them
        assertThat(firstStart.healthy()).as("status %s", firstStart).isTrue();
        List<String> services =
                new ArrayList<>(List.of("zookeeper", "hdfs", "yarn-resourcemanager", "yarn-web", "hive-metastore"));
        if (MonitoringBinaries.find().isPresent()) {
            services.addAll(List.of("prometheus", "alertmanager", "pushgateway"));
        } else {
            assertThat(firstStart.notes()).singleElement().asString().contains("install-monitoring.sh");
        }
        assertThat(firstStart.services()).extracting(ServiceStatus::name).containsExactlyInAnyOrderElementsOf(services);
        assertThat(firstStart.confDir().resolve("core-site.xml")).exists();
        assertThat(Files.readString(firstStart.confDir().resolve("hive-site.xml")))
                .contains(address(firstStart, "hive-metastore"));

        // and a second start of the running sandbox is refused
        assertThatThrownBy(() -> controller.start(START_TIMEOUT))
                .isInstanceOf(SandboxAlreadyRunningException.class)
                .hasMessageContaining("already running");

        // when: a file in HDFS and an initialised metastore schema, then a stop and a start
        writeToHdfs(KEPT_FILE, "still here");
        Path schemaMarker = sandboxDir.resolve("data/metastore/schema-initialized");
        FileTime schemaCreated = Files.getLastModifiedTime(schemaMarker);
        controller.stop(STOP_TIMEOUT);
        SandboxStatus restarted = controller.start(START_TIMEOUT);

        // then everything answers at the same addresses, with the same data
        assertThat(restarted.healthy()).as("status %s", restarted).isTrue();
        assertThat(addresses(restarted)).isEqualTo(addresses(firstStart));
        assertThat(readFromHdfs(KEPT_FILE)).isEqualTo("still here");
        assertThat(Files.getLastModifiedTime(schemaMarker)).isEqualTo(schemaCreated);
        assertThat(sandboxDir.resolve("data/metastore/metastore_db")).isDirectory();

        // when: stopped
        SandboxStatus stopped = controller.stop(STOP_TIMEOUT);

        // then everything is down
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.state()).isEqualTo(DaemonState.STOPPED);
        assertThat(stopped.services()).noneMatch(ServiceStatus::up);
        assertThat(sandboxDir.resolve("sandbox.pid")).doesNotExist();
    }

    private static void writeToHdfs(String path, String text) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(clientConfiguration());
                FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String readFromHdfs(String path) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(clientConfiguration());
                FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
            return IOUtils.toString(in, StandardCharsets.UTF_8);
        }
    }

    /** A client that knows the sandbox only through the conf dir it wrote. */
    private static Configuration clientConfiguration() throws IOException {
        Configuration conf = new Configuration(false);
        for (String site : List.of("core-site.xml", "hdfs-site.xml")) {
            conf.addResource(sandboxDir.resolve("conf").resolve(site).toUri().toURL());
        }
        return conf;
    }

    private static Map<String, String> addresses(SandboxStatus status) {
        return status.services().stream().collect(Collectors.toMap(ServiceStatus::name, ServiceStatus::address));
    }

    private static String address(SandboxStatus status, String service) {
        return addresses(status).get(service);
    }
}
