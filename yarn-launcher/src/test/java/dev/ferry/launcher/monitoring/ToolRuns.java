package dev.ferry.launcher.monitoring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs Prometheus's and Alertmanager's own checkers (promtool, amtool) as the tests' judges. */
final class ToolRuns {

    private ToolRuns() {}

    /** Runs {@code command} in {@code dir}; asserts it ends within a minute with exit 0; returns its output. */
    static String succeeding(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
