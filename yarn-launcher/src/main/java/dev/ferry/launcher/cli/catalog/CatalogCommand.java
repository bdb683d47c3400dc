package dev.ferry.launcher.cli.catalog;

import picocli.CommandLine.Command;

/** {@code ferry catalog}: what the Hive Metastore holds, read-only. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Browse the Hive Metastore that Flink SQL shares with Hive and Spark (read-only);"
                + " the metastore is hive.metastore.uris of conf/hive-site.xml, or the sandbox's with --sandbox.",
        subcommands = {
            CatalogPingCommand.class,
            CatalogDatabasesCommand.class,
            CatalogTablesCommand.class,
            CatalogDescribeCommand.class
        })
public final class CatalogCommand {}
