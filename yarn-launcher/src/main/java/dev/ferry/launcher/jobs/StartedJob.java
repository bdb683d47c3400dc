package dev.ferry.launcher.jobs;

import java.time.Duration;

/**
 * A job run that started: where, as which Flink job, and the state it reached before the command
 * returned ({@code CREATED} when detached).
 */
public record StartedJob(
        String name,
        String jobId,
        String mode,
        String cluster,
        String applicationId,
        String webUrl,
        String state,
        String restoredFrom,
        Duration elapsed) {}
