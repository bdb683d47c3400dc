package dev.ferry.launcher.cli.health;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.health.InspectedJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry metrics JOB}: the numbers an operator looks at, now, from the job's JobManager. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = {
            "Show a running job's numbers now, from its JobManager: records in and out per second, busy and"
                    + " backpressured time per vertex, event-time lag, checkpoints, restarts, TaskManager heap and GC.",
            "For history and alerts use Prometheus (see 'Operating jobs' in the README)."
        })
public final class MetricsCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        InspectedJob inspected;
        try (LauncherServices services = context().services()) {
            inspected = services.jobInspector().inspect(job);
        }
        if (output.json()) {
            Json.print(out(), HealthPrinter.metricsJson(inspected));
        } else {
            HealthPrinter.printMetrics(out(), inspected);
        }
        return 0;
    }
}
