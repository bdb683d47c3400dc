package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.output.Durations;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.cluster.ClusterStatus;
import dev.ferry.launcher.cluster.ClusterView;
import dev.ferry.launcher.yarn.ApplicationAttempts;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** {@code ferry session status NAME}: one cluster and its jobs. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show one cluster: YARN state, queue, web UI, uptime and its jobs.")
public final class SessionStatusCommand extends OneClusterCommand<ClusterStatus> {

    @Override
    protected ClusterStatus ask(LauncherServices services, String name) {
        return services.clusterStatus().status(name);
    }

    @Override
    protected void print(PrintWriter out, ClusterStatus status, boolean json) {
        String leader = status.leader().orElse(null);
        if (json) {
            Json.print(out, ClusterPrinter.statusJson(status.cluster(), status.attempts(), status.jobs(), leader));
        } else {
            printText(out, status.cluster(), status.attempts(), status.jobs(), leader);
        }
    }

    private static void printText(
            PrintWriter out,
            ClusterView c,
            Optional<ApplicationAttempts> attempts,
            Collection<JobDetails> jobs,
            String leader) {
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
}
