package dev.ferry.launcher.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A job's completed savepoints and checkpoints as Flink reported them (its REST API while the job
 * is known to a JobManager, the job's archive after), and what the job restored from. Savepoints
 * taken by Flink's CLI, REST API and web UI are here as well as Ferry's.
 *
 * @param completed completed snapshots whose files Flink has not discarded, any order
 * @param restored the snapshot the run restored from, if any
 */
public record CheckpointHistory(List<Snapshot> completed, Optional<Snapshot> restored) {

    public static final CheckpointHistory EMPTY = new CheckpointHistory(List.of(), Optional.empty());

    public CheckpointHistory {
        completed = List.copyOf(completed);
    }

    /** The newest savepoint, by completion time. */
    public Optional<Snapshot> latestSavepoint() {
        return completed.stream().filter(Snapshot::savepoint).max(Comparator.comparingLong(Snapshot::completedAt));
    }

    /**
     * One completed snapshot.
     *
     * @param path the directory to restore from (qualified, as Flink reports it)
     * @param savepoint whether a savepoint (also stop-with-savepoint) rather than a checkpoint
     * @param completedAt epoch milliseconds when it completed
     */
    public record Snapshot(long id, String path, boolean savepoint, long completedAt) {}
}
