package dev.ferry.launcher.cli.queue;

import picocli.CommandLine.Command;

/** {@code ferry queue}: the YARN queues clusters can be deployed to. */
@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        description = "Inspect YARN queues.",
        subcommands = QueueListCommand.class)
public final class QueueCommand {}
