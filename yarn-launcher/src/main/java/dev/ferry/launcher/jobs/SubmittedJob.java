package dev.ferry.launcher.jobs;

import java.time.Duration;

/** A job accepted by a session; {@code state} is what it reached before the submit returned. */
public record SubmittedJob(
        String jobId, String jobName, String session, String applicationId, String state, Duration elapsed) {}
