package dev.ferry.launcher.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One job as {@code ferry job list} and {@code ferry job status} show it. Live fields come from
 * the JobManager now; a recorded job that runs nowhere shows {@code state} {@code ENDED} and its
 * last cluster. Nullable fields are unknown.
 */
public record JobView(
        String name,
        String jobId,
        String state,
        String cluster,
        String mode,
        String applicationId,
        String webUrl,
        Instant startedAt,
        Duration duration,
        Integer tasksRunning,
        Integer tasksTotal,
        String kind,
        String artifact,
        String lastSavepoint,
        String latestCheckpoint,
        String latestRestorePoint,
        List<VertexView> vertices) {

    public JobView {
        vertices = vertices == null ? null : List.copyOf(vertices);
    }

    /**
     * One vertex of a running job, in {@code ferry job status}.
     *
     * @param parallelism what it runs at now, whoever set it
     * @param origin who set it: {@code submitted}, {@code manual} ({@code ferry job scale}) or {@code autopilot}
     * @param asked the parallelism Ferry's record asks for, when it was scaled; differs from {@code
     *     parallelism} while the cluster lacks the slots, or after a rescale by another client
     */
    public record VertexView(
            String id, String name, int parallelism, int maxParallelism, String origin, Integer asked) {}
}
