package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.cli.output.Durations;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.cluster.ClusterView;
import dev.ferry.launcher.cluster.ListedCluster;
import dev.ferry.launcher.yarn.ApplicationAttempts;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How clusters look in tables and in the documented JSON schema (docs/cli.md). */
public final class ClusterPrinter {

    private ClusterPrinter() {}

    /** The REGISTRY column comes last so that the columns scripts already cut stay where they were. */
    static void printListTable(PrintWriter out, List<ListedCluster> clusters) {
        Table table =
                new Table("NAME", "APPLICATION", "STATE", "QUEUE", "USER", "JOBS", "UPTIME", "WEB UI", "REGISTRY");
        for (ListedCluster listed : clusters) {
            ClusterView c = listed.view();
            table.row(
                    c.name(),
                    c.applicationId(),
                    c.state(),
                    c.queue(),
                    c.user(),
                    c.runningJobs() == null ? "?" : c.runningJobs(),
                    Durations.humanize(c.uptime()),
                    c.webUrl().isEmpty() ? "-" : c.webUrl(),
                    listed.registry() == null ? "-" : listed.registry().label());
        }
        table.print(out);
    }

    static void printListJson(PrintWriter out, List<ListedCluster> clusters) {
        Json.print(out, listJson(clusters));
    }

    /** {@code session list -o json}. */
    public static List<Map<String, Object>> listJson(List<ListedCluster> clusters) {
        return clusters.stream().map(ClusterPrinter::toJson).toList();
    }

    /** One element of {@code session list -o json}. */
    public static Map<String, Object> toJson(ListedCluster listed) {
        Map<String, Object> json = toJson(listed.view());
        json.put(
                "registry", listed.registry() == null ? null : listed.registry().label());
        return json;
    }

    static Map<String, Object> toJson(ClusterView c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", c.name());
        json.put("applicationId", c.applicationId());
        json.put("state", c.state());
        json.put("finalStatus", c.finalStatus());
        json.put("queue", c.queue());
        json.put("user", c.user());
        json.put("mode", c.mode());
        json.put("ferryVersion", c.ferryVersion());
        json.put("webUrl", c.webUrl());
        json.put("startTime", c.startTime().toString());
        json.put("uptimeSeconds", c.uptime().toSeconds());
        json.put("runningJobs", c.runningJobs());
        json.put("attempt", c.attempt());
        return json;
    }

    /** {@code session status -o json}: the cluster without its registry state, its attempts, HA leader and jobs. */
    public static Map<String, Object> statusJson(
            ClusterView cluster, Optional<ApplicationAttempts> attempts, List<JobDetails> jobs, String leader) {
        Map<String, Object> json = toJson(cluster);
        json.put("maxAttempts", attempts.map(ApplicationAttempts::granted).orElse(null));
        json.put(
                "requestedAttempts",
                attempts.map(ApplicationAttempts::requested).orElse(null));
        json.put("leader", leader);
        json.put("jobs", jobs.stream().map(ClusterPrinter::jobJson).toList());
        return json;
    }

    private static Map<String, Object> jobJson(JobDetails job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", job.getJobId().toHexString());
        json.put("name", job.getJobName());
        json.put("state", job.getStatus().name());
        json.put("startTime", Instant.ofEpochMilli(job.getStartTime()).toString());
        json.put("durationSeconds", job.getDuration() / 1000);
        return json;
    }
}
