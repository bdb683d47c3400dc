package dev.ferry.launcher.cli.job;

import picocli.CommandLine.Command;

/** {@code ferry job}: jobs in session clusters. */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        description = "Submit jobs into session clusters.",
        subcommands = JobSubmitCommand.class)
public final class JobCommand {}
