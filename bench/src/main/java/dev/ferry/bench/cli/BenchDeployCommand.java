package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.report.BenchReport;
import dev.ferry.launcher.cli.FerrySubcommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/** {@code ferry bench deploy}: session ready time, Ferry against stock Flink. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Time from the deploy call to a session's REST API answering: Ferry (staged libraries, Ferry's"
                + " defaults) against stock Flink (dist jar and lib/ shipped on every deploy, Flink's defaults).")
public final class BenchDeployCommand extends FerrySubcommand {

    @Mixin
    private BenchOptions options;

    @Override
    public Integer call() {
        int runs = options.runs();
        Path dir = options.resultsDir("deploy");
        BenchPrinter printer = new BenchPrinter(out());
        printer.started("deploy", runs, dir);
        try (BenchServices services = new BenchServices(context())) {
            BenchReport report = services.deployBench().run(runs, options.queue(), printer::run);
            printer.finished(report, report.writeTo(dir));
        }
        return 0;
    }
}
