package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.cli.output.Durations;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.jobs.JobController.JobAction;
import dev.ferry.launcher.jobs.JobView;
import dev.ferry.launcher.jobs.JobView.VertexView;
import dev.ferry.launcher.jobs.StartedJob;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How jobs look in tables and in the documented JSON schema (docs/cli.md). */
public final class JobPrinter {

    private JobPrinter() {}

    static void printTable(PrintWriter out, List<JobView> jobs) {
        Table table = new Table("NAME", "JOB ID", "STATE", "CLUSTER", "MODE", "TASKS", "UPTIME");
        for (JobView j : jobs) {
            table.row(
                    j.name(),
                    j.jobId() == null ? "-" : j.jobId(),
                    j.state(),
                    j.cluster(),
                    j.mode(),
                    j.tasksTotal() == null ? "-" : j.tasksRunning() + "/" + j.tasksTotal(),
                    j.duration() == null ? "-" : Durations.humanize(j.duration()));
        }
        table.print(out);
    }

    static void printDetails(PrintWriter out, JobView j) {
        Map<String, Object> fields = toJson(j);
        fields.forEach((key, value) -> {
            if (value != null) {
                out.printf("%-18s %s%n", key + ":", value);
            }
        });
        if (j.vertices() != null) {
            out.println();
            Table table = new Table("VERTEX", "NAME", "PARALLELISM", "MAX", "FROM");
            j.vertices()
                    .forEach(v -> table.row(
                            v.id(),
                            v.name(),
                            v.asked() != null && v.asked() != v.parallelism()
                                    ? v.parallelism() + " (asked " + v.asked() + ")"
                                    : String.valueOf(v.parallelism()),
                            String.valueOf(v.maxParallelism()),
                            v.origin()));
            table.print(out);
        }
        out.flush();
    }

    /** {@code job list -o json}. */
    public static List<Map<String, Object>> listJson(List<JobView> jobs) {
        return jobs.stream().map(JobPrinter::toJson).toList();
    }

    /** One element of {@code job list -o json}. */
    public static Map<String, Object> toJson(JobView j) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", j.name());
        json.put("jobId", j.jobId());
        json.put("state", j.state());
        json.put("cluster", j.cluster());
        json.put("mode", j.mode());
        json.put("applicationId", j.applicationId());
        json.put("webUrl", j.webUrl());
        json.put("startTime", j.startedAt() == null ? null : j.startedAt().toString());
        json.put("durationSeconds", j.duration() == null ? null : j.duration().toSeconds());
        json.put("tasksRunning", j.tasksRunning());
        json.put("tasksTotal", j.tasksTotal());
        json.put("kind", j.kind());
        json.put("artifact", j.artifact());
        json.put("lastSavepoint", j.lastSavepoint());
        json.put("latestCheckpoint", j.latestCheckpoint());
        json.put("latestRestorePoint", j.latestRestorePoint());
        return json;
    }

    /** {@code job status -o json}: the object of {@code job list}, and the running job's vertices. */
    public static Map<String, Object> statusJson(JobView j) {
        Map<String, Object> json = toJson(j);
        json.put(
                "vertices",
                j.vertices() == null
                        ? null
                        : j.vertices().stream().map(JobPrinter::vertexJson).toList());
        return json;
    }

    private static Map<String, Object> vertexJson(VertexView v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id());
        json.put("name", v.name());
        json.put("parallelism", v.parallelism());
        json.put("maxParallelism", v.maxParallelism());
        json.put("origin", v.origin());
        json.put("askedParallelism", v.asked());
        return json;
    }

    /** The outcome of submit, run, resume and restart. */
    public static void printStarted(PrintWriter out, StartedJob job, boolean json) {
        if (json) {
            Json.print(out, startedJson(job));
            return;
        }
        printStartedText(out, job);
    }

    /** {@code job submit|resume|restart -o json} and {@code app run -o json}; the {@code job} of {@code sql}. */
    public static Map<String, Object> startedJson(StartedJob job) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("jobId", job.jobId());
        fields.put("name", job.name());
        // Kept from the first schema of 'job submit'; "cluster" names any cluster.
        fields.put("session", "session".equals(job.mode()) ? job.cluster() : null);
        fields.put("state", job.state());
        fields.put("mode", job.mode());
        fields.put("cluster", job.cluster());
        fields.put("applicationId", job.applicationId());
        fields.put("webUrl", job.webUrl());
        fields.put("restoredFrom", job.restoredFrom());
        fields.put("seconds", job.elapsed().toMillis() / 1000.0);
        return fields;
    }

    public static void printStartedText(PrintWriter out, StartedJob job) {
        out.println("Job '" + job.name() + "' (" + job.jobId() + ") is " + job.state() + " in "
                + ("session".equals(job.mode()) ? "session" : job.mode() + " cluster") + " '" + job.cluster() + "' ("
                + job.applicationId() + ") after " + Durations.seconds(job.elapsed())
                + (job.restoredFrom() == null ? "" : ", restored from " + job.restoredFrom()) + ".");
        if (job.webUrl() != null && !job.webUrl().isEmpty()) {
            out.println("Web UI: " + job.webUrl());
        }
        out.flush();
    }

    static void printAction(PrintWriter out, String verb, JobAction action, boolean json) {
        if (json) {
            Json.print(out, actionJson(action));
            return;
        }
        out.println("Job '" + action.name() + "' (" + action.jobId() + ") " + verb
                + (action.savepoint() == null ? "" : "; savepoint: " + action.savepoint()) + ".");
        out.flush();
    }

    /** {@code job cancel|savepoint|stop -o json}. */
    public static Map<String, Object> actionJson(JobAction action) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", action.name());
        fields.put("jobId", action.jobId());
        fields.put("cluster", action.cluster());
        fields.put("applicationId", action.applicationId());
        fields.put("savepoint", action.savepoint());
        return fields;
    }
}
