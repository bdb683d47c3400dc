package dev.ferry.bench.nexmark;

import dev.ferry.bench.nexmark.MeasurementProtocol.Measured;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Measures a plan on a local MiniCluster in a JVM of its own ({@link LocalMeasurementMain}):
 * Java from this JVM's java.home, this JVM's class path, module openings and system properties,
 * and the JVM's default JIT and collector. The CLI runs with C1 only and the serial collector to
 * start fast; measured jobs need the full JIT, and a JVM of their own keeps them apart from the
 * CLI's heap and classes.
 */
final class LocalMeasurementJvm implements NexmarkMeasurements {

    /** Options this JVM was started with that the measuring JVM needs too; never the JIT or GC choice. */
    private static final List<String> INHERITED_OPTIONS = List.of("--add-opens", "--add-exports", "-D", "-Xmx");

    @Override
    public List<RunResult> measure(NexmarkPlan plan, RunListener listener) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("ferry-nexmark-jvm", ".err");
        Process jvm =
                new ProcessBuilder(command()).redirectError(errors.toFile()).start();
        try {
            MeasurementProtocol.writePlan(plan, jvm.getOutputStream());
            List<RunResult> measured = relay(jvm.getInputStream(), listener);
            int exit = jvm.waitFor();
            if (exit != 0) {
                throw new FerryException(
                        ExitCode.FAILURE,
                        "The Nexmark bench's measuring JVM failed (exit " + exit + "): " + lastLine(errors));
            }
            return measured;
        } finally {
            // Ends its MiniCluster too when the bench was interrupted or failed.
            jvm.destroy();
            Files.deleteIfExists(errors);
        }
    }

    private final String clusters;

    /** @param clusters where the variants run, as {@link LocalClusters#describe} says */
    LocalMeasurementJvm(String clusters) {
        this.clusters = clusters;
    }

    @Override
    public String description() {
        return clusters + ", in a JVM of its own with the full JIT";
    }

    private static List<String> command() {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> INHERITED_OPTIONS.stream().anyMatch(option::startsWith))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalMeasurementMain.class.getName()));
        return command;
    }

    /**
     * Hands every run the JVM reports to the listener, on this thread. The JVM's output is read
     * by a thread of its own so that this one stays interruptible (Ctrl-C) while it waits.
     */
    private static List<RunResult> relay(InputStream output, RunListener listener) throws InterruptedException {
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(output, lines), "nexmark-jvm-output");
        reader.setDaemon(true);
        reader.start();
        List<RunResult> measured = new ArrayList<>();
        for (Optional<String> line = lines.take(); line.isPresent(); line = lines.take()) {
            Optional<Measured> run = MeasurementProtocol.parse(line.get());
            run.ifPresent(m -> listener.ended(m.kind(), m.run()));
            run.filter(m -> m.kind().equals(MEASURED)).ifPresent(m -> measured.add(m.run()));
        }
        return measured;
    }

    /** Every line, then an empty value for the end of the output. */
    private static void readLines(InputStream output, BlockingQueue<Optional<String>> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> lines.add(Optional.of(line)));
        } catch (IOException | UncheckedIOException closed) {
            // The JVM ended or was destroyed: its output ends here.
        } finally {
            lines.add(Optional.empty());
        }
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
    }
}
