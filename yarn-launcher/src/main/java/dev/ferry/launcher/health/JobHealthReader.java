package dev.ferry.launcher.health;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.health.JobHealth.Checkpoints;
import dev.ferry.launcher.health.JobHealth.Restarts;
import dev.ferry.launcher.health.JobHealth.TaskManager;
import dev.ferry.launcher.health.JobHealth.Vertex;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.rest.JobManager;

import org.apache.flink.api.common.JobID;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

/**
 * Reads a running job's {@link JobHealth} from Flink's REST API, the resources its web UI shows:
 * the job and its plan, each vertex's aggregated task metrics, per-subtask records and watermarks,
 * checkpoint statistics, exceptions, restarts, and the TaskManagers' JVM metrics. All requests go
 * out at once and are awaited within one deadline; a resource that does not answer (a vertex
 * without watermarks, say) counts as not reported, only the job itself is required.
 */
public final class JobHealthReader {

    static final String TASK_METRICS =
            "numRecordsInPerSecond,numRecordsOutPerSecond,busyTimeMsPerSecond,backPressuredTimeMsPerSecond";
    private static final long NO_WATERMARK = Long.MIN_VALUE;

    private final Duration timeout;

    public JobHealthReader(Duration timeout) {
        this.timeout = timeout;
    }

    public JobHealth read(JobManager jobManager, JobID job) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String jobPath = "/jobs/" + job;
        CompletableFuture<JsonNode> checkpoints = jobManager.get(jobPath + "/checkpoints");
        CompletableFuture<JsonNode> exceptions = jobManager.get(jobPath + "/exceptions");
        CompletableFuture<JsonNode> restarts = jobManager.get(jobPath + "/metrics?get=numRestarts");
        CompletableFuture<JsonNode> taskManagers = jobManager.get("/taskmanagers");
        JsonNode details = required(jobManager.get(jobPath), deadline, job);
        List<VertexRequests> vertices = new ArrayList<>();
        for (JsonNode vertex : TopologicalOrder.of(details)) {
            vertices.add(VertexRequests.send(jobManager, jobPath, vertex, TopologicalOrder.inputs(details, vertex)));
        }
        List<CompletableFuture<JsonNode>> taskManagerMetrics = new ArrayList<>();
        List<String> taskManagerIds = new ArrayList<>();
        for (JsonNode taskManager : optional(taskManagers, deadline).path("taskmanagers")) {
            String id = taskManager.path("id").asText();
            taskManagerIds.add(id);
            taskManagerMetrics.add(jobManager.get("/taskmanagers/" + id + "/metrics?get="
                    + String.join(
                            ",",
                            JvmMetrics.wanted(
                                    optional(jobManager.get("/taskmanagers/" + id + "/metrics"), deadline)))));
        }
        List<TaskManager> jvms = new ArrayList<>();
        for (int i = 0; i < taskManagerIds.size(); i++) {
            jvms.add(JvmMetrics.of(taskManagerIds.get(i), optional(taskManagerMetrics.get(i), deadline)));
        }
        return new JobHealth(
                job.toString(),
                details.path("name").asText(),
                details.path("state").asText(),
                details.path("now").asLong(System.currentTimeMillis()),
                vertices.stream().map(v -> v.receive(deadline)).toList(),
                checkpoints(optional(checkpoints, deadline)),
                restarts(optional(restarts, deadline), optional(exceptions, deadline)),
                jvms);
    }

    /** The requests of one vertex, sent together, and the vertex they describe once answered. */
    private record VertexRequests(
            JobManager jobManager,
            String path,
            JsonNode vertex,
            List<String> inputs,
            CompletableFuture<JsonNode> taskMetrics,
            CompletableFuture<JsonNode> subtasks,
            CompletableFuture<JsonNode> watermarks,
            CompletableFuture<JsonNode> metricIds) {

        static VertexRequests send(JobManager jobManager, String jobPath, JsonNode vertex, List<String> inputs) {
            String path = jobPath + "/vertices/" + vertex.path("id").asText();
            return new VertexRequests(
                    jobManager,
                    path,
                    vertex,
                    inputs,
                    jobManager.get(path + "/subtasks/metrics?get=" + TASK_METRICS + "&agg=sum,max,avg"),
                    jobManager.get(path),
                    jobManager.get(path + "/watermarks"),
                    inputs.isEmpty()
                            ? jobManager.get(path + "/subtasks/metrics")
                            : CompletableFuture.completedFuture(MissingNode.getInstance()));
        }

        Vertex receive(long deadline) {
            Map<String, JsonNode> metrics = byId(optional(taskMetrics, deadline));
            return new Vertex(
                    vertex.path("id").asText(),
                    vertex.path("name").asText(),
                    vertex.path("parallelism").asInt(),
                    inputs,
                    metric(metrics, "numRecordsInPerSecond", "sum"),
                    metric(metrics, "numRecordsOutPerSecond", "sum"),
                    metric(metrics, "busyTimeMsPerSecond", "max"),
                    metric(metrics, "busyTimeMsPerSecond", "avg"),
                    metric(metrics, "backPressuredTimeMsPerSecond", "max"),
                    metric(metrics, "backPressuredTimeMsPerSecond", "avg"),
                    recordsPerSubtask(optional(subtasks, deadline), inputs.isEmpty()),
                    minWatermark(optional(watermarks, deadline)),
                    sourceBacklog(deadline));
        }

        /**
         * What a source's connector reports as not read yet (FLIP-33's pendingRecords, e.g. Kafka's
         * lag), summed over subtasks; empty for connectors that do not report it.
         */
        private OptionalLong sourceBacklog(long deadline) {
            List<String> pending = StreamSupport.stream(
                            optional(metricIds, deadline).spliterator(), false)
                    .map(metric -> metric.path("id").asText())
                    .filter(id -> id.endsWith(".pendingRecords"))
                    .toList();
            if (pending.isEmpty()) {
                return OptionalLong.empty();
            }
            JsonNode sums = optional(
                    jobManager.get(path + "/subtasks/metrics?get=" + String.join(",", pending) + "&agg=sum"), deadline);
            return OptionalLong.of((long) StreamSupport.stream(sums.spliterator(), false)
                    .mapToDouble(metric -> metric.path("sum").asDouble())
                    .sum());
        }
    }

    private static List<Long> recordsPerSubtask(JsonNode vertexDetails, boolean source) {
        String counter = source ? "write-records" : "read-records";
        List<Long> records = new ArrayList<>();
        vertexDetails
                .path("subtasks")
                .forEach(subtask ->
                        records.add(subtask.path("metrics").path(counter).asLong()));
        return records;
    }

    /** The lowest watermark over the subtasks; Flink reports Long.MIN_VALUE for "none yet". */
    private static OptionalLong minWatermark(JsonNode watermarks) {
        return StreamSupport.stream(watermarks.spliterator(), false)
                .mapToLong(watermark -> parseLong(watermark.path("value").asText()))
                .filter(watermark -> watermark != NO_WATERMARK)
                .min();
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return NO_WATERMARK;
        }
    }

    private static Checkpoints checkpoints(JsonNode statistics) {
        JsonNode counts = statistics.path("counts");
        JsonNode failed = statistics.path("latest").path("failed");
        JsonNode completed = statistics.path("latest").path("completed");
        List<Long> sizes = new ArrayList<>();
        statistics.path("history").forEach(checkpoint -> {
            if ("COMPLETED".equals(checkpoint.path("status").asText())) {
                sizes.add(0, checkpoint.path("checkpointed_size").asLong());
            }
        });
        return new Checkpoints(
                counts.path("completed").asLong(),
                counts.path("failed").asLong(),
                failed.isObject() ? Optional.of(failed.path("failure_message").asText("")) : Optional.empty(),
                completed.path("id").asLong(-1) > failed.path("id").asLong(-1),
                completed.isObject()
                        ? OptionalLong.of(completed.path("end_to_end_duration").asLong())
                        : OptionalLong.empty(),
                sizes);
    }

    private static Restarts restarts(JsonNode restartMetric, JsonNode exceptions) {
        long count = 0;
        for (JsonNode metric : restartMetric) {
            count = Math.max(count, parseLong(metric.path("value").asText("0")));
        }
        JsonNode newest = exceptions.path("exceptionHistory").path("entries").path(0);
        Optional<String> root = newest.isObject()
                ? Optional.of(newest.path("stacktrace")
                        .asText(newest.path("exceptionName").asText()))
                : Optional.ofNullable(exceptions.path("root-exception").textValue());
        return new Restarts(count, root.filter(text -> !text.isBlank()));
    }

    static Map<String, JsonNode> byId(JsonNode metrics) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        metrics.forEach(metric -> byId.put(metric.path("id").asText(), metric));
        return byId;
    }

    private static double metric(Map<String, JsonNode> metrics, String id, String aggregate) {
        JsonNode metric = metrics.get(id);
        return metric == null ? 0 : metric.path(aggregate).asDouble(0);
    }

    private JsonNode required(CompletableFuture<JsonNode> answer, long deadline, JobID job) {
        try {
            return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new FerryException(
                    ExitCode.TIMEOUT,
                    "The JobManager did not describe job " + job + " within " + timeout.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while reading job " + job, e);
        } catch (ExecutionException e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE,
                    "The JobManager did not describe job " + job + ": " + FerryException.rootCauseMessage(e),
                    e);
        }
    }

    /** An answer, or a missing node when it did not come in time or failed. */
    static JsonNode optional(CompletableFuture<JsonNode> answer, long deadline) {
        return Answers.ifAnswered(answer, deadline).orElse(MissingNode.getInstance());
    }
}
