package dev.ferry.launcher.cli.catalog;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.catalog.TableName;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry catalog describe DB.TABLE}. */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = "Show a table's columns, partition keys, storage format and location, owner, and"
                + " whether Hive and Spark can read it (generic Flink tables they cannot).")
public final class CatalogDescribeCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "DB.TABLE", description = "The table, qualified by its database")
    private String table;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        // Checked before anything is contacted.
        TableName name = TableName.parse(table);
        try (LauncherServices services = context().services()) {
            TableDescriptionPrinter.print(out(), services.catalog().describe(name), output.json());
        }
        return 0;
    }
}
