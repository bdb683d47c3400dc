package dev.ferry.launcher.cluster;

import dev.ferry.launcher.yarn.ClusterStates;

import java.time.Duration;
import java.time.Instant;

/**
 * One Ferry cluster as read live from YARN and its JobManager. {@code runningJobs} is null when
 * the JobManager did not answer (the cluster is starting, or its REST API is unreachable);
 * {@code attempt} is YARN's attempt number of the JobManager (above 1 after a failover).
 */
public record ClusterView(
        String name,
        String applicationId,
        String state,
        String finalStatus,
        String queue,
        String user,
        String mode,
        String ferryVersion,
        String webUrl,
        Instant startTime,
        Duration uptime,
        Integer runningJobs,
        int attempt) {

    public boolean isLive() {
        return ClusterStates.isLive(state);
    }
}
