package dev.ferry.launcher.health;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A running job as its JobManager's REST API shows it at one moment: what {@code ferry metrics}
 * prints and what {@code ferry diagnose} reasons about.
 *
 * @param readAt the JobManager's clock when it answered (epoch milliseconds)
 * @param vertices sources first, each after the vertices it reads from
 */
public record JobHealth(
        String jobId,
        String name,
        String state,
        long readAt,
        List<Vertex> vertices,
        Checkpoints checkpoints,
        Restarts restarts,
        List<TaskManager> taskManagers) {

    public JobHealth {
        vertices = List.copyOf(vertices);
        taskManagers = List.copyOf(taskManagers);
    }

    /** The vertices that read from {@code vertex}. */
    public List<Vertex> downstreamOf(Vertex vertex) {
        return vertices.stream().filter(v -> v.inputs().contains(vertex.id())).toList();
    }

    /**
     * One vertex (a chain of operators) of the job graph.
     *
     * @param inputs ids of the vertices it reads from; empty for a source
     * @param busyMax the busiest subtask's busy time, in ms per second (1000: busy all the time)
     * @param backPressuredMax the most backpressured subtask's time waiting for output buffers, ms per second
     * @param recordsPerSubtask records each subtask read so far (what a source wrote, for a source)
     * @param minWatermark the lowest event-time watermark of its subtasks, if it has one
     * @param sourceBacklog records the source connector reports as not read yet, if it reports them
     */
    public record Vertex(
            String id,
            String name,
            int parallelism,
            List<String> inputs,
            double recordsInPerSecond,
            double recordsOutPerSecond,
            double busyMax,
            double busyAvg,
            double backPressuredMax,
            double backPressuredAvg,
            List<Long> recordsPerSubtask,
            OptionalLong minWatermark,
            OptionalLong sourceBacklog) {

        public Vertex {
            inputs = List.copyOf(inputs);
            recordsPerSubtask = List.copyOf(recordsPerSubtask);
        }

        public boolean isSource() {
            return inputs.isEmpty();
        }
    }

    /**
     * @param latestFailure Flink's message for the newest failed checkpoint, if any failed
     * @param completedSinceFailure whether a checkpoint completed after the newest failed one: the
     *     failures are history (e.g. during a restart), not the job's state now
     * @param recentSizes checkpointed sizes of the completed checkpoints Flink keeps in its history, oldest first
     */
    public record Checkpoints(
            long completed,
            long failed,
            Optional<String> latestFailure,
            boolean completedSinceFailure,
            OptionalLong latestDurationMs,
            List<Long> recentSizes) {

        public Checkpoints {
            recentSizes = List.copyOf(recentSizes);
        }
    }

    /** How often the job restarted, and the exception of the newest failure. */
    public record Restarts(long count, Optional<String> rootException) {}

    /** A TaskManager's JVM: heap in bytes, garbage collection time and count since it started. */
    public record TaskManager(String id, long heapUsed, long heapMax, long gcTimeMs, long gcCount) {}
}
