package dev.ferry.launcher.cluster;

import java.util.List;

/** The outcome of stopping or killing a cluster. */
public record StoppedCluster(String name, String applicationId, String finalState, List<StoppedJob> jobs) {

    public StoppedCluster {
        jobs = List.copyOf(jobs);
    }
}
