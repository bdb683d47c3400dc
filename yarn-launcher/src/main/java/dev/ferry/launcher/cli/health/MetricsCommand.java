package dev.ferry.launcher.cli.health;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.job.OneJobCommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.health.InspectedJob;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code ferry metrics JOB}: the numbers an operator looks at, now, from the job's JobManager. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = {
            "Show a running job's numbers now, from its JobManager: records in and out per second, busy and"
                    + " backpressured time per vertex, event-time lag, checkpoints, restarts, TaskManager heap and GC.",
            "For history and alerts use Prometheus (see 'Operating jobs' in the README)."
        })
public final class MetricsCommand extends OneJobCommand<InspectedJob> {

    @Override
    protected InspectedJob ask(LauncherServices services, String job) {
        return services.jobInspector().inspect(job);
    }

    @Override
    protected void print(PrintWriter out, InspectedJob answer, boolean json) {
        if (json) {
            Json.print(out, HealthPrinter.metricsJson(answer));
        } else {
            HealthPrinter.printMetrics(out, answer);
        }
    }
}
