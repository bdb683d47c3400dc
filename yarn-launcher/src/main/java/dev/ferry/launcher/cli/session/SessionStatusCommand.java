package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Durations;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.ClusterView;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.yarn.ApplicationAttempts;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code ferry session status NAME}: one cluster and its jobs. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show one cluster: YARN state, queue, web UI, uptime and its jobs.")
public final class SessionStatusCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name")
    private String name;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        ClusterView cluster;
        Optional<ApplicationAttempts> attempts;
        List<JobDetails> jobs;
        String leader;
        try (LauncherServices services = context().services()) {
            ClusterObserver clusters = services.clusters();
            ApplicationReport report = clusters.findLatest(name)
                    .orElseThrow(() -> new FerryException(
                            ExitCode.NOT_FOUND,
                            "YARN knows no Ferry cluster named '" + name + "': see 'ferry session list --all'"));
            cluster = clusters.describe(report);
            attempts = clusters.attempts(report);
            jobs = cluster.isLive() ? newestFirst(clusters.jobs(report).orElse(List.of())) : List.of();
            leader = cluster.isLive()
                    ? services.coordination()
                            .leaderRestAddress(cluster.applicationId())
                            .orElse(null)
                    : null;
        }
        if (output.json()) {
            Json.print(out(), ClusterPrinter.statusJson(cluster, attempts, jobs, leader));
        } else {
            printText(cluster, attempts, jobs, leader);
        }
        return 0;
    }

    private void printText(
            ClusterView c, Optional<ApplicationAttempts> attempts, Collection<JobDetails> jobs, String leader) {
        PrintWriter out = out();
        out.println("Cluster      " + c.name());
        out.println("application  " + c.applicationId());
        out.println("state        " + c.state() + (c.isLive() ? "" : " (" + c.finalStatus() + ")"));
        out.println("queue        " + c.queue());
        out.println("user         " + c.user());
        out.println("web UI       " + (c.webUrl().isEmpty() ? "-" : c.webUrl()));
        out.println("attempt      " + c.attempt());
        out.println(
                "max attempts " + attempts.map(ApplicationAttempts::describe).orElse("-"));
        out.println("HA leader    " + (leader == null ? "- (no ZooKeeper HA, or no leader elected)" : leader));
        out.println("uptime       " + Durations.humanize(c.uptime()));
        out.println("jobs         "
                + (c.runningJobs() == null ? "unknown (JobManager not answering)" : c.runningJobs() + " running"));
        if (!jobs.isEmpty()) {
            out.println();
            Table table = new Table("JOB ID", "NAME", "STATE", "DURATION");
            jobs.forEach(j -> table.row(
                    j.getJobId().toHexString(),
                    j.getJobName(),
                    j.getStatus(),
                    Durations.humanize(Duration.ofMillis(j.getDuration()))));
            table.print(out);
        }
        out.flush();
    }

    private static List<JobDetails> newestFirst(Collection<JobDetails> jobs) {
        return jobs.stream()
                .sorted(Comparator.comparingLong(JobDetails::getStartTime).reversed())
                .toList();
    }
}
