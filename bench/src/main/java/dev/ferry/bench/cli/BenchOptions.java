package dev.ferry.bench.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;

/** Options every bench takes: how many runs, where the results go, which queue. */
public final class BenchOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "5",
            description = "Runs per variant, alternating (default: ${DEFAULT-VALUE})")
    private int runs;

    @Option(
            names = "--results-dir",
            paramLabel = "DIR",
            description = "Where results.md, results.csv and the chart go (default: ./bench-results/<bench>)")
    private Path resultsDir;

    @Option(
            names = "--queue",
            paramLabel = "QUEUE",
            description = "YARN queue for the benches' clusters (default: ferry.yarn.queue)")
    private String queue;

    int runs() {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
        }
        return runs;
    }

    Path resultsDir(String bench) {
        return (resultsDir != null ? resultsDir : Path.of("bench-results", bench)).toAbsolutePath();
    }

    Optional<String> queue() {
        return Optional.ofNullable(queue);
    }
}
