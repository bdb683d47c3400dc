package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.jobs.JobController.JobAction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry job savepoint JOB}: a savepoint while the job keeps running. */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        description = "Take a savepoint of a running job (it keeps running) and record it as the job's latest.")
public final class JobSavepointCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        JobAction action;
        try (LauncherServices services = context().services()) {
            action = services.jobController().savepoint(job);
        }
        JobPrinter.printAction(out(), "keeps running", action, output.json());
        return 0;
    }
}
