package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.report.BenchReport;
import dev.ferry.bench.yarn.YarnBench;
import dev.ferry.launcher.cli.FerrySubcommand;

import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/** {@code ferry bench deploy|submit|failover}: runs a YARN bench, prints it run by run and writes its report. */
abstract class YarnBenchCommand extends FerrySubcommand {

    @Mixin
    private BenchOptions options;

    /** The bench as the launcher's services for this command make it. */
    abstract YarnBench bench(BenchServices services);

    @Override
    public Integer call() throws Exception {
        int runs = options.runs();
        String name = spec.name();
        Path dir = options.resultsDir(name);
        BenchPrinter printer = new BenchPrinter(out());
        try (BenchServices services = new BenchServices(context())) {
            YarnBench bench = bench(services);
            printer.started(name, runs, dir);
            BenchReport report = bench.run(runs, options.queue(), printer::run);
            printer.finished(report, report.writeTo(dir));
        }
        return 0;
    }
}
