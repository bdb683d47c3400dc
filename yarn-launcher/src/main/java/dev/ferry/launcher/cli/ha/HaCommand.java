package dev.ferry.launcher.cli.ha;

import picocli.CommandLine.Command;

/** {@code ferry ha}: ZooKeeper HA data of Flink clusters. */
@Command(
        name = "ha",
        mixinStandardHelpOptions = true,
        description = "Inspect and clean up JobManager HA data in ZooKeeper and the HA storage.",
        subcommands = {HaStatusCommand.class, HaGcCommand.class})
public final class HaCommand {}
