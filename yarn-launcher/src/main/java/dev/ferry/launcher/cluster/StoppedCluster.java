package dev.ferry.launcher.cluster;

import java.util.List;

/**
 * The outcome of stopping or killing a cluster.
 *
 * @param haData what happened to its HA data: "none", "removed", or "kept (why) ..."
 */
public record StoppedCluster(
        String name, String applicationId, String finalState, List<StoppedJob> jobs, String haData) {

    public StoppedCluster {
        jobs = List.copyOf(jobs);
    }
}
