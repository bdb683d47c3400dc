package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.jobs.JobController.JobAction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code ferry job stop JOB [--drain]}: stop with a savepoint. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop a running job with a savepoint (recorded for 'ferry job resume'). A job cluster"
                + " ends with its job.")
public final class JobStopCommand extends OneJobCommand<JobAction> {

    @Option(names = "--drain", description = "Emit end-of-input first, so event-time windows fire (not for a resume)")
    private boolean drain;

    @Override
    protected JobAction ask(LauncherServices services, String job) {
        return services.jobController().stop(job, drain);
    }

    @Override
    protected void print(PrintWriter out, JobAction answer, boolean json) {
        JobPrinter.printAction(out, "was stopped", answer, json);
    }
}
