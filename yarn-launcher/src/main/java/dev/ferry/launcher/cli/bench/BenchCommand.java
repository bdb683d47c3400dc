package dev.ferry.launcher.cli.bench;

import picocli.CommandLine.Command;

/**
 * {@code ferry bench}: Ferry against stock Flink on the cluster it talks to. A Nexmark bench
 * joins these as one more subcommand backed by its own service.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark Ferry against stock Flink on this cluster (or the sandbox): runs alternate A, B, A, B;"
                + " writes results.md, results.csv and a PNG chart.",
        subcommands = {
            BenchDeployCommand.class,
            BenchSubmitCommand.class,
            BenchFailoverCommand.class
        })
public final class BenchCommand {}
