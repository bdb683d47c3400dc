package dev.ferry.launcher.cli.health;

import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.diagnosis.Finding;
import dev.ferry.launcher.diagnosis.JobDiagnostics.Diagnosis;
import dev.ferry.launcher.health.InspectedJob;
import dev.ferry.launcher.health.JobHealth;
import dev.ferry.launcher.health.JobHealth.TaskManager;
import dev.ferry.launcher.health.JobHealth.Vertex;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** How {@code ferry metrics} and {@code ferry diagnose} look, in tables and in JSON (docs/cli.md). */
public final class HealthPrinter {

    private static final long MIB = 1024 * 1024;

    private HealthPrinter() {}

    static void printMetrics(PrintWriter out, InspectedJob job) {
        JobHealth health = job.health();
        out.println("Job " + job.name() + " (" + health.jobId() + ") " + health.state() + " in '" + job.cluster()
                + "' (" + job.applicationId() + ")");
        Table vertices = new Table("VERTEX", "P", "IN/S", "OUT/S", "BUSY MS/S", "BACKPRESSURED MS/S", "EVENT-TIME LAG");
        for (Vertex v : health.vertices()) {
            vertices.row(
                    v.name(),
                    v.parallelism(),
                    Math.round(v.recordsInPerSecond()),
                    Math.round(v.recordsOutPerSecond()),
                    Math.round(v.busyMax()),
                    Math.round(v.backPressuredMax()),
                    v.minWatermark().isPresent() ? lagSeconds(health, v) + " s" : "-");
        }
        vertices.print(out);
        JobHealth.Checkpoints checkpoints = health.checkpoints();
        out.println("checkpoints  " + checkpoints.completed() + " completed, " + checkpoints.failed() + " failed"
                + checkpoints.latestDurationMs().stream()
                        .mapToObj(ms -> ", the last took " + ms + " ms")
                        .findFirst()
                        .orElse("")
                + (checkpoints.recentSizes().isEmpty()
                        ? ""
                        : ", "
                                + checkpoints
                                        .recentSizes()
                                        .get(checkpoints.recentSizes().size() - 1) + " bytes"));
        out.println("restarts     " + health.restarts().count());
        for (TaskManager tm : health.taskManagers()) {
            out.println("TaskManager  " + tm.id() + ": heap " + tm.heapUsed() / MIB + " of " + tm.heapMax() / MIB
                    + " MiB, GC " + tm.gcCount() + " times, " + tm.gcTimeMs() + " ms");
        }
        out.flush();
    }

    public static Map<String, Object> metricsJson(InspectedJob job) {
        JobHealth health = job.health();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", job.name());
        json.put("jobId", health.jobId());
        json.put("state", health.state());
        json.put("cluster", job.cluster());
        json.put("applicationId", job.applicationId());
        json.put(
                "vertices",
                health.vertices().stream().map(v -> vertexJson(health, v)).toList());
        Map<String, Object> checkpoints = new LinkedHashMap<>();
        checkpoints.put("completed", health.checkpoints().completed());
        checkpoints.put("failed", health.checkpoints().failed());
        checkpoints.put("latestFailure", health.checkpoints().latestFailure().orElse(null));
        checkpoints.put(
                "latestDurationMs",
                health.checkpoints().latestDurationMs().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null));
        checkpoints.put("recentSizes", health.checkpoints().recentSizes());
        json.put("checkpoints", checkpoints);
        json.put("restarts", health.restarts().count());
        json.put(
                "taskManagers",
                health.taskManagers().stream()
                        .map(HealthPrinter::taskManagerJson)
                        .toList());
        return json;
    }

    private static Map<String, Object> vertexJson(JobHealth health, Vertex v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id());
        json.put("name", v.name());
        json.put("parallelism", v.parallelism());
        json.put("recordsInPerSecond", v.recordsInPerSecond());
        json.put("recordsOutPerSecond", v.recordsOutPerSecond());
        json.put("busyMsPerSecondMax", v.busyMax());
        json.put("backPressuredMsPerSecondMax", v.backPressuredMax());
        json.put("recordsPerSubtask", v.recordsPerSubtask());
        json.put("watermarkLagSeconds", v.minWatermark().isPresent() ? lagSeconds(health, v) : null);
        json.put("sourceBacklog", v.sourceBacklog().stream().boxed().findFirst().orElse(null));
        return json;
    }

    private static Map<String, Object> taskManagerJson(TaskManager tm) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tm.id());
        json.put("heapUsedBytes", tm.heapUsed());
        json.put("heapMaxBytes", tm.heapMax());
        json.put("gcTimeMs", tm.gcTimeMs());
        json.put("gcCount", tm.gcCount());
        return json;
    }

    private static long lagSeconds(JobHealth health, Vertex v) {
        return Math.max(0, (health.readAt() - v.minWatermark().getAsLong()) / 1000);
    }

    static void printDiagnosis(PrintWriter out, Diagnosis diagnosis) {
        InspectedJob job = diagnosis.job();
        out.println("Job " + job.name() + " (" + job.health().jobId() + ") "
                + job.health().state() + " in '" + job.cluster() + "'");
        int number = 1;
        for (Finding finding : diagnosis.findings()) {
            out.println();
            out.println(number++ + ". [" + finding.severity() + "] " + finding.title());
            out.println("   evidence:   " + finding.evidence());
            out.println("   suggestion: " + finding.suggestion());
        }
        out.flush();
    }

    public static Map<String, Object> diagnosisJson(Diagnosis diagnosis) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", diagnosis.job().name());
        json.put("jobId", diagnosis.job().health().jobId());
        json.put("state", diagnosis.job().health().state());
        json.put("cluster", diagnosis.job().cluster());
        json.put(
                "healthy",
                diagnosis.findings().size() == 1
                        && diagnosis.findings().get(0).title().equals("Healthy"));
        json.put(
                "findings",
                diagnosis.findings().stream().map(HealthPrinter::findingJson).toList());
        return json;
    }

    private static Map<String, Object> findingJson(Finding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("severity", finding.severity().name());
        json.put("title", finding.title());
        json.put("evidence", finding.evidence());
        json.put("suggestion", finding.suggestion());
        json.put("vertex", finding.vertex().orElse(null));
        return json;
    }
}
