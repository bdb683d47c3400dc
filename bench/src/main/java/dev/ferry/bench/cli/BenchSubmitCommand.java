package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.report.BenchReport;
import dev.ferry.launcher.cli.FerrySubcommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/** {@code ferry bench submit}: job submit to RUNNING, Ferry against stock Flink. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Time from submit to all tasks RUNNING: into a new session (Ferry keeps a warm TaskManager, stock"
                + " starts one), on a warm TaskManager (both), and 'ferry job submit' at the shell (whole process).")
public final class BenchSubmitCommand extends FerrySubcommand {

    @Mixin
    private BenchOptions options;

    @Override
    public Integer call() throws Exception {
        int runs = options.runs();
        Path dir = options.resultsDir("submit");
        BenchPrinter printer = new BenchPrinter(out());
        printer.started("submit", runs, dir);
        try (BenchServices services = new BenchServices(context())) {
            BenchReport report = services.submitBench().run(runs, options.queue(), printer::run);
            printer.finished(report, report.writeTo(dir));
        }
        return 0;
    }
}
