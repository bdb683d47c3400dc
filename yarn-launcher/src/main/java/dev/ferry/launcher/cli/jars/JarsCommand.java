package dev.ferry.launcher.cli.jars;

import picocli.CommandLine.Command;

/** {@code ferry jars}: the jars a team shares for SQL functions and connectors. */
@Command(
        name = "jars",
        mixinStandardHelpOptions = true,
        description = "Share jars of SQL functions and connectors on the cluster file system (ferry.jars.dir); use one"
                + " with 'ferry sql --jar PATH'.",
        subcommands = {JarsListCommand.class, JarsUploadCommand.class, JarsRemoveCommand.class})
public final class JarsCommand {}
