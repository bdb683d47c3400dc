package dev.ferry.launcher.jobs;

import java.time.Duration;
import java.time.Instant;

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
        String latestRestorePoint) {}
