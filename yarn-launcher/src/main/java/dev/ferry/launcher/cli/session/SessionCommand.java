package dev.ferry.launcher.cli.session;

import picocli.CommandLine.Command;

/** {@code ferry session}: long-lived named Flink clusters on a YARN queue. */
@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        description = "Start, list, inspect and stop named Flink session clusters on YARN.",
        subcommands = {
            SessionStartCommand.class,
            SessionListCommand.class,
            SessionStatusCommand.class,
            SessionStopCommand.class,
            SessionKillCommand.class
        })
public final class SessionCommand {}
