package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.jobs.JobView;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** {@code ferry job list}: jobs of every running Ferry cluster, live from their JobManagers. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List running jobs of all Ferry clusters (sessions and job clusters), read live from the"
                + " JobManagers; --all adds ended jobs and recorded jobs that run nowhere now.")
public final class JobListCommand extends FerrySubcommand {

    @Option(names = "--session", paramLabel = "NAME", description = "Only jobs of this cluster")
    private String session;

    @Option(names = "--all", description = "Include ended jobs and recorded jobs that are not running")
    private boolean all;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        List<JobView> jobs;
        try (LauncherServices services = context().services()) {
            jobs = services.jobLister().list(Optional.ofNullable(session), all);
        }
        if (output.json()) {
            Json.print(out(), JobPrinter.listJson(jobs));
        } else if (jobs.isEmpty()) {
            out().println(all ? "No jobs." : "No running jobs (--all shows ended and recorded ones).");
            out().flush();
        } else {
            JobPrinter.printTable(out(), jobs);
        }
        return 0;
    }
}
