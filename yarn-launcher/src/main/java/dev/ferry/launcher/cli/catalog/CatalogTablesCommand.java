package dev.ferry.launcher.cli.catalog;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.catalog.CatalogService;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry catalog tables [DB]}. */
@Command(name = "tables", mixinStandardHelpOptions = true, description = "List the tables and views of a database.")
public final class CatalogTablesCommand extends FerrySubcommand {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DB",
            description = "Database (default: ferry.hive-catalog.default-database, 'default')")
    private String database;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        try (LauncherServices services = context().services()) {
            CatalogService catalog = services.catalog();
            String db = database != null ? database : catalog.defaultDatabase();
            CatalogPrinter.tables(out(), db, catalog.tables(db), output.json());
        }
        return 0;
    }
}
