package dev.ferry.launcher.cli.catalog;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry catalog databases}. */
@Command(name = "databases", mixinStandardHelpOptions = true, description = "List the metastore's databases.")
public final class CatalogDatabasesCommand extends FerrySubcommand {

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        try (LauncherServices services = context().services()) {
            CatalogPrinter.databases(out(), services.catalog().databases(), output.json());
        }
        return 0;
    }
}
