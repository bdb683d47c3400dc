package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.jobs.JobController.JobAction;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code ferry job savepoint JOB}: a savepoint while the job keeps running. */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        description = "Take a savepoint of a running job (it keeps running) and record it as the job's latest.")
public final class JobSavepointCommand extends OneJobCommand<JobAction> {

    @Override
    protected JobAction ask(LauncherServices services, String job) {
        return services.jobController().savepoint(job);
    }

    @Override
    protected void print(PrintWriter out, JobAction answer, boolean json) {
        JobPrinter.printAction(out, "keeps running", answer, json);
    }
}
