package dev.ferry.launcher.rest;

import dev.ferry.launcher.rest.CheckpointHistory.Snapshot;

import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointStatistics.CompletedCheckpointStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics.LatestCheckpoints;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics.RestoredCheckpointStatistics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flink's {@code /jobs/<id>/checkpoints} response as a {@link CheckpointHistory}. The history
 * holds the last {@code web.checkpoints.history} snapshots; the newest completed checkpoint and
 * savepoint are kept apart in {@code latest}, so they are added from there.
 */
final class CheckpointStatisticsMapping {

    private CheckpointStatisticsMapping() {}

    static CheckpointHistory toHistory(CheckpointingStatistics statistics) {
        Map<Long, Snapshot> completed = new LinkedHashMap<>();
        LatestCheckpoints latest = statistics.getLatestCheckpoints();
        Stream.concat(
                        statistics.getHistory().stream(),
                        latest == null
                                ? Stream.empty()
                                : Stream.of(latest.getCompletedCheckpointStatistics(), latest.getSavepointStatistics()))
                .filter(CompletedCheckpointStatistics.class::isInstance)
                .map(CompletedCheckpointStatistics.class::cast)
                .filter(CheckpointStatisticsMapping::restorable)
                .forEach(checkpoint -> completed.putIfAbsent(checkpoint.getId(), snapshot(checkpoint)));
        return new CheckpointHistory(
                completed.values().stream().toList(),
                Optional.ofNullable(latest)
                        .map(LatestCheckpoints::getRestoredCheckpointStatistics)
                        .filter(restored -> restored.getExternalPath() != null)
                        .map(CheckpointStatisticsMapping::restored));
    }

    /** Completed, not yet discarded (a subsumed checkpoint's files are gone), and written somewhere. */
    private static boolean restorable(CompletedCheckpointStatistics checkpoint) {
        return checkpoint.getStatus() == CheckpointStatsStatus.COMPLETED
                && !checkpoint.isDiscarded()
                && checkpoint.getExternalPath() != null
                && !checkpoint.getExternalPath().isBlank();
    }

    private static Snapshot snapshot(CheckpointStatistics checkpoint) {
        return new Snapshot(
                checkpoint.getId(),
                ((CompletedCheckpointStatistics) checkpoint).getExternalPath(),
                checkpoint.isSavepoint(),
                checkpoint.getLatestAckTimestamp());
    }

    /**
     * Flink reports {@code is_savepoint} of a restore by its restore mode, not by what was restored
     * (a retained checkpoint restored without claiming it counts as a savepoint), so the kind here
     * is only what Flink says; the path is what counts.
     */
    private static Snapshot restored(RestoredCheckpointStatistics restored) {
        return new Snapshot(
                restored.getId(), restored.getExternalPath(), restored.isSavepoint(), restored.getRestoreTimestamp());
    }
}
