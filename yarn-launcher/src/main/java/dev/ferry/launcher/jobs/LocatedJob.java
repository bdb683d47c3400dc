package dev.ferry.launcher.jobs;

import dev.ferry.launcher.jobs.record.JobRecord;

import java.util.Optional;

/** A job found by name or id: its record, its live run, or both. */
public record LocatedJob(String name, Optional<JobRecord> record, Optional<LiveJob> live) {

    /** The live run if it has not ended. */
    public Optional<LiveJob> running() {
        return live.filter(job -> !job.ended());
    }
}
