package dev.ferry.launcher.cli.dist;

import picocli.CommandLine.Command;

/** {@code ferry dist}: the distribution's libraries on the cluster file system. */
@Command(
        name = "dist",
        mixinStandardHelpOptions = true,
        description = "Stage this distribution's libraries on the cluster file system.",
        subcommands = DistUploadCommand.class)
public final class DistCommand {}
