package dev.ferry.launcher.ha;

import java.util.List;

/**
 * What {@code ferry ha status} reports: the quorum, and every cluster with HA data in ZooKeeper
 * or the HA storage, live or left behind.
 */
public record HaStatus(String quorum, String flinkRoot, String storageDir, List<HaCluster> clusters) {

    public HaStatus {
        clusters = List.copyOf(clusters);
    }

    /** One cluster id (a YARN application id) with HA data. */
    public record HaCluster(String clusterId, boolean live, boolean hasZnodes, long storageBytes) {}
}
