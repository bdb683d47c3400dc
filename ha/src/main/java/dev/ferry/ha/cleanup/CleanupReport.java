package dev.ferry.ha.cleanup;

import java.util.List;

/**
 * What a cleanup found and did.
 *
 * @param removed the dead clusters whose data was deleted (or, in a dry run, would be)
 * @param skipped clusters that looked dead but were left alone, with the reason
 */
public record CleanupReport(boolean dryRun, List<RemovedCluster> removed, List<SkippedCluster> skipped) {

    public CleanupReport {
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }

    public long bytesFreed() {
        return removed.stream().mapToLong(RemovedCluster::storageBytes).sum();
    }

    /** One dead cluster's data. */
    public record RemovedCluster(String clusterId, boolean hadZnodes, boolean hadStorage, long storageBytes) {}

    /** A cluster left in place and why. */
    public record SkippedCluster(String clusterId, String reason) {}
}
