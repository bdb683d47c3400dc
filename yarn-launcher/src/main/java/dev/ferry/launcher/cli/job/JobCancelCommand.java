package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.jobs.JobController.JobAction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry job cancel JOB}: cancels without a savepoint; retained checkpoints stay. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel a running job without a savepoint. Its retained checkpoints stay, so"
                + " 'ferry job resume JOB --from-latest' can continue it.")
public final class JobCancelCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        JobAction action;
        try (LauncherServices services = context().services()) {
            action = services.jobController().cancel(job);
        }
        JobPrinter.printAction(out(), "was cancelled", action, output.json());
        return 0;
    }
}
