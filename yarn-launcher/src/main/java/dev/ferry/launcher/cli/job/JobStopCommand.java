package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.jobs.JobController.JobAction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry job stop JOB [--drain]}: stop with a savepoint. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stop a running job with a savepoint (recorded for 'ferry job resume'). A job cluster"
                + " ends with its job.")
public final class JobStopCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Option(names = "--drain", description = "Emit end-of-input first, so event-time windows fire (not for a resume)")
    private boolean drain;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        JobAction action;
        try (LauncherServices services = context().services()) {
            action = services.jobController().stop(job, drain);
        }
        JobPrinter.printAction(out(), "was stopped", action, output.json());
        return 0;
    }
}
