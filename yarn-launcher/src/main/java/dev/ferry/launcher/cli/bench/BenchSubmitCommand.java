package dev.ferry.launcher.cli.bench;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.bench.BenchReport;
import dev.ferry.launcher.bench.FerryShell;
import dev.ferry.launcher.cli.CommandContext;
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
        CommandContext context = context();
        FerryShell shell = new FerryShell(context.home().root(), context.globalArguments());
        BenchPrinter printer = new BenchPrinter(out());
        printer.started("submit", runs, dir);
        try (LauncherServices services = context.services()) {
            BenchReport report = services.submitBench(shell).run(runs, options.queue(), printer::run);
            printer.finished(report, report.writeTo(dir));
        }
        return 0;
    }
}
