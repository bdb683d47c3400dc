package dev.ferry.launcher.cluster;

/** A job a graceful stop ended: with a savepoint (its path) or cancelled (no savepoint). */
public record StoppedJob(String jobId, String jobName, String savepointPath) {

    public boolean cancelled() {
        return savepointPath == null;
    }
}
