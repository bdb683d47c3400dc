package dev.ferry.launcher.ha;

/**
 * Removes what an ended cluster leaves outside YARN (its ZooKeeper HA data). Stop and kill call
 * it once YARN reports the application ended.
 */
@FunctionalInterface
public interface EndedClusterCleanup {

    /** Without ZooKeeper HA a cluster leaves nothing behind. */
    EndedClusterCleanup NOTHING_TO_CLEAN = applicationId -> "none";

    /** Cleans up after {@code applicationId}; returns what happened, for the operator. */
    String cleanUp(String applicationId);
}
