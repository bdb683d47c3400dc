package dev.ferry.launcher.cli.sandbox;

import picocli.CommandLine.Command;

/** {@code ferry sandbox}: a real one-machine YARN, HDFS, ZooKeeper and Hive Metastore. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Run a one-machine cluster (YARN, HDFS, ZooKeeper, Hive Metastore) in the background.",
        subcommands = {SandboxStartCommand.class, SandboxStopCommand.class, SandboxStatusCommand.class})
public final class SandboxCommand {}
