package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.jobs.JobView;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry job status JOB}: one job's live state, record and restore points. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show a job's state, cluster, tasks, artifact, last savepoint and latest completed checkpoint.")
public final class JobStatusCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        JobView view;
        try (LauncherServices services = context().services()) {
            view = services.jobLister().status(job);
        }
        if (output.json()) {
            Json.print(out(), JobPrinter.toJson(view));
        } else {
            JobPrinter.printDetails(out(), view);
        }
        return 0;
    }
}
