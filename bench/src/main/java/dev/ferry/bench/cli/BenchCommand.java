package dev.ferry.bench.cli;

import picocli.CommandLine.Command;

/**
 * {@code ferry bench}: Ferry against stock Flink on the cluster it talks to, and Nexmark on a
 * local MiniCluster.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark Ferry against stock Flink on this cluster (or the sandbox): runs alternate A, B, A, B;"
                + " writes results.md, results.csv and a PNG chart.",
        subcommands = {
            BenchDeployCommand.class,
            BenchSubmitCommand.class,
            BenchFailoverCommand.class,
            BenchNexmarkCommand.class
        })
public final class BenchCommand {}
