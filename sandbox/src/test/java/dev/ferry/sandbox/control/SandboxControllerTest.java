package dev.ferry.sandbox.control;

import dev.ferry.sandbox.state.SandboxPaths;
import dev.ferry.sandbox.status.DaemonReport;
import dev.ferry.sandbox.status.DaemonState;
import dev.ferry.sandbox.status.SandboxStatus;
import dev.ferry.sandbox.status.StatusFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Controller behaviour that needs no running daemon. */
class SandboxControllerTest {

    @TempDir
    Path home;

    @TempDir
    Path sandboxDir;

    @Test
    void statusDoesNotTrustAStaleFileOfADeadDaemon() throws Exception {
        // given a status file and pid file left behind by a daemon that no longer runs
        StatusFile.write(
                sandboxDir.resolve("status.properties"),
                new DaemonReport(DaemonState.READY, Long.MAX_VALUE - 1, -1, Map.of("zookeeper", "localhost:1"), ""));
        Files.writeString(sandboxDir.resolve("sandbox.pid"), (Long.MAX_VALUE - 1) + "\n");

        SandboxStatus status = new SandboxController(home, sandboxDir, SandboxSettings.DEFAULTS).status();

        assertThat(status.running()).isFalse();
        assertThat(status.state()).isEqualTo(DaemonState.STOPPED);
        assertThat(status.services())
                .singleElement()
                .satisfies(service -> assertThat(service.up()).isFalse());
    }

    @Test
    void startWithAnIncompleteHomeNamesTheMissingDirectory() {
        SandboxController controller = new SandboxController(home, sandboxDir, SandboxSettings.DEFAULTS);

        assertThatThrownBy(() -> controller.start(Duration.ofSeconds(5)))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining(home.resolve("opt").resolve("sandbox").toString())
                .hasMessageNotContaining("\n");
    }

    @Test
    void stoppingASandboxThatIsNotRunningDoesNothing() throws Exception {
        SandboxStatus status =
                new SandboxController(home, sandboxDir, SandboxSettings.DEFAULTS).stop(Duration.ofSeconds(5));

        assertThat(status.running()).isFalse();
    }

    @Test
    void theDaemonsContainersSeeTheSandboxsConfigurationNotTheShells() {
        SandboxPaths paths = new SandboxPaths(Path.of("/tmp/sandbox-x"));

        Map<String, String> environment = SandboxController.daemonEnvironment(paths);

        assertThat(environment)
                .containsEntry("HADOOP_CONF_DIR", "/tmp/sandbox-x/conf")
                .containsEntry("YARN_CONF_DIR", "/tmp/sandbox-x/conf")
                .containsEntry("JAVA_HOME", System.getProperty("java.home"));
    }
}
