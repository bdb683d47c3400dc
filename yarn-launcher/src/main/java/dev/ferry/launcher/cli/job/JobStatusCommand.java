package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.jobs.JobView;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code ferry job status JOB}: one job's live state, record and restore points. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show a job's state, cluster, tasks, artifact, last savepoint and latest completed checkpoint.")
public final class JobStatusCommand extends OneJobCommand<JobView> {

    @Override
    protected JobView ask(LauncherServices services, String job) {
        return services.jobLister().status(job);
    }

    @Override
    protected void print(PrintWriter out, JobView answer, boolean json) {
        if (json) {
            Json.print(out, JobPrinter.statusJson(answer));
        } else {
            JobPrinter.printDetails(out, answer);
        }
    }
}
