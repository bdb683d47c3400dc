package dev.ferry.bench.yarn;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/ferry} as its own process, the way an operator runs it from a shell, against the
 * same cluster and configuration as the bench: what "at the shell" costs, JVM start included.
 *
 * @param globalArguments the global options the bench itself runs with (cluster, conf dir, -D), passed on
 */
public record FerryShell(Path home, List<String> globalArguments) {

    public FerryShell {
        globalArguments = List.copyOf(globalArguments);
    }

    /** Seconds from starting {@code bin/ferry ARGS} until the process exited with 0. */
    public double seconds(List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/ferry").toString()));
        command.addAll(globalArguments);
        command.addAll(args);
        Path output = Files.createTempFile("ferry-bench-shell", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new FerryException(
                        ExitCode.TIMEOUT,
                        "bin/ferry " + String.join(" ", args) + " did not exit within " + timeout.toSeconds() + "s");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(output);
                throw new FerryException(
                        ExitCode.FAILURE,
                        "bin/ferry " + String.join(" ", args) + " exited " + process.exitValue() + ": "
                                + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
            }
            return seconds;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
