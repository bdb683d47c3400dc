package dev.ferry.launcher.testing;

import dev.ferry.launcher.rest.CheckpointHistory.Snapshot;

import org.apache.flink.api.common.JobID;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Flink's {@code /jobs/<id>/checkpoints} response as its REST API writes it (field names as in
 * Flink 1.20's CheckpointingStatistics), and the job archive a JobManager writes around it, for
 * fakes to answer with what a real JobManager would.
 */
public final class CheckpointStatisticsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointStatisticsJson() {}

    public static String response(List<Snapshot> completed, Optional<Snapshot> restored) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode counts = root.putObject("counts");
        counts.put("restored", restored.isPresent() ? 1 : 0);
        counts.put("total", completed.size());
        counts.put("in_progress", 0);
        counts.put("completed", completed.size());
        counts.put("failed", 0);
        ObjectNode summary = root.putObject("summary");
        for (String field : List.of(
                "checkpointed_size",
                "state_size",
                "end_to_end_duration",
                "alignment_buffered",
                "processed_data",
                "persisted_data")) {
            ObjectNode statistics = summary.putObject(field);
            for (String measure : List.of("min", "max", "avg", "p50", "p90", "p95", "p99", "p999")) {
                statistics.put(measure, 0);
            }
        }
        ObjectNode latest = root.putObject("latest");
        latest.set(
                "completed",
                newest(completed, false)
                        .map(CheckpointStatisticsJson::completed)
                        .orElse(null));
        latest.set(
                "savepoint",
                newest(completed, true).map(CheckpointStatisticsJson::completed).orElse(null));
        latest.putNull("failed");
        latest.set("restored", restored.map(CheckpointStatisticsJson::restored).orElse(null));
        ArrayNode history = root.putArray("history");
        completed.stream()
                .sorted(Comparator.comparingLong(Snapshot::id).reversed())
                .forEach(snapshot -> history.add(completed(snapshot)));
        return root.toString();
    }

    /** What Flink's FsJobArchivist writes for a job: its REST responses by path. */
    public static byte[] archive(JobID job, String checkpointsResponse) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode entry = root.putArray("archive").addObject();
        entry.put("path", "/jobs/" + job + "/checkpoints");
        entry.put("json", checkpointsResponse);
        return root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Optional<Snapshot> newest(List<Snapshot> completed, boolean savepoint) {
        return completed.stream().filter(s -> s.savepoint() == savepoint).max(Comparator.comparingLong(Snapshot::id));
    }

    private static ObjectNode completed(Snapshot snapshot) {
        ObjectNode node = JSON.createObjectNode();
        node.put("className", "completed");
        node.put("id", snapshot.id());
        node.put("status", "COMPLETED");
        node.put("is_savepoint", snapshot.savepoint());
        if (snapshot.savepoint()) {
            node.put("savepointFormat", "CANONICAL");
        } else {
            node.putNull("savepointFormat");
        }
        node.put("trigger_timestamp", snapshot.completedAt() - 100);
        node.put("latest_ack_timestamp", snapshot.completedAt());
        for (String field : List.of(
                "checkpointed_size",
                "state_size",
                "end_to_end_duration",
                "alignment_buffered",
                "processed_data",
                "persisted_data")) {
            node.put(field, 0);
        }
        node.put("num_subtasks", 1);
        node.put("num_acknowledged_subtasks", 1);
        node.put("checkpoint_type", snapshot.savepoint() ? "SAVEPOINT" : "CHECKPOINT");
        node.putObject("tasks");
        node.put("external_path", snapshot.path());
        node.put("discarded", false);
        return node;
    }

    private static ObjectNode restored(Snapshot snapshot) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", snapshot.id());
        node.put("restore_timestamp", snapshot.completedAt());
        node.put("is_savepoint", snapshot.savepoint());
        node.put("external_path", snapshot.path());
        return node;
    }
}
