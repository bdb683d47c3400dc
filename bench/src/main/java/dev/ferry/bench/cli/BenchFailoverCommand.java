package dev.ferry.bench.cli;

import dev.ferry.bench.BenchServices;
import dev.ferry.bench.report.BenchReport;
import dev.ferry.launcher.cli.FerrySubcommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/** {@code ferry bench failover}: kill -9 of a JobManager to its job RUNNING again, Ferry's HA settings against stock's. */
@Command(
        name = "failover",
        mixinStandardHelpOptions = true,
        description =
                "Time from SIGKILL of a session's JobManager (through YARN) until its checkpointed job runs again:"
                        + " Ferry's HA settings against Flink's defaults; also the YARN attempts used. Needs ZooKeeper HA.")
public final class BenchFailoverCommand extends FerrySubcommand {

    @Mixin
    private BenchOptions options;

    @Override
    public Integer call() {
        int runs = options.runs();
        Path dir = options.resultsDir("failover");
        BenchPrinter printer = new BenchPrinter(out());
        try (BenchServices services = new BenchServices(context())) {
            var bench = services.failoverBench();
            printer.started("failover", runs, dir);
            BenchReport report = bench.run(runs, options.queue(), printer::run);
            printer.finished(report, report.writeTo(dir));
        }
        return 0;
    }
}
