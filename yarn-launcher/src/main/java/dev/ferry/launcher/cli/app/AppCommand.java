package dev.ferry.launcher.cli.app;

import picocli.CommandLine.Command;

/** {@code ferry app}: jobs that get a YARN application of their own. */
@Command(
        name = "app",
        mixinStandardHelpOptions = true,
        description = "Run a job in a cluster of its own (Flink application mode, or the deprecated per-job mode).",
        subcommands = AppRunCommand.class)
public final class AppCommand {}
