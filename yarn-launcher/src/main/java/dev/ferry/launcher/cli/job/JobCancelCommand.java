package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.jobs.JobController.JobAction;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code ferry job cancel JOB}: cancels without a savepoint; retained checkpoints stay. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel a running job without a savepoint. Its retained checkpoints stay, so"
                + " 'ferry job resume JOB --from-latest' can continue it.")
public final class JobCancelCommand extends OneJobCommand<JobAction> {

    @Override
    protected JobAction ask(LauncherServices services, String job) {
        return services.jobController().cancel(job);
    }

    @Override
    protected void print(PrintWriter out, JobAction answer, boolean json) {
        JobPrinter.printAction(out, "was cancelled", answer, json);
    }
}
