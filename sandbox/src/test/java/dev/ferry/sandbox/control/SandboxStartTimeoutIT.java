package dev.ferry.sandbox.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sandbox that is not ready in time is stopped, and the error says where to look. */
@Timeout(120)
class SandboxStartTimeoutIT {

    @Test
    void startThatTimesOutStopsTheDaemonAndNamesTheLog() throws Exception {
        // given a Ferry home and a start timeout far shorter than a start takes
        Path home = TestFerryHome.assemble();
        Path sandboxDir = Files.createTempDirectory("sandbox-timeout-it-");
        SandboxController controller = new SandboxController(home, sandboxDir, new SandboxSettings(2048, 2, "derby"));

        // when the sandbox is started
        assertThatThrownBy(() -> controller.start(Duration.ofSeconds(2)))
                // then the error is one line naming the problem and the log
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("not ready within 2 s")
                .hasMessageContaining(
                        sandboxDir.resolve("log").resolve("sandbox.log").toString())
                .hasMessageNotContaining("\n");
        // and nothing of it keeps running
        assertThat(controller.status().running()).isFalse();
        assertThat(ProcessHandle.allProcesses()
                        .filter(process ->
                                process.info().commandLine().orElse("").contains(sandboxDir.toString()))
                        .toList())
                .isEmpty();
    }
}
