package dev.ferry.launcher.cli.catalog;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry catalog ping}: does the metastore answer? */
@Command(
        name = "ping",
        mixinStandardHelpOptions = true,
        description = "Check that the Hive Metastore answers (connects and lists databases, within"
                + " ferry.hive-catalog.connect-timeout).")
public final class CatalogPingCommand extends FerrySubcommand {

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        try (LauncherServices services = context().services()) {
            CatalogPrinter.ping(out(), services.catalog().ping(), output.json());
        }
        return 0;
    }
}
