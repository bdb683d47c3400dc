package dev.ferry.ha.failover;

import org.apache.flink.runtime.util.ZooKeeperUtils;
import org.apache.flink.shaded.curator5.org.apache.curator.framework.CuratorFramework;
import org.apache.flink.shaded.zookeeper3.org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Removes a dead JobManager's place in the leader latch, so that the next attempt's JobManager is
 * elected at once instead of after the dead one's ZooKeeper session expires (the session timeout,
 * 10 s with Ferry's defaults, was most of a failover).
 *
 * <p>Safe only where YARN has ended the earlier attempt: YARN starts a new application master
 * attempt after the previous one's container has exited, or after it declared that container lost
 * and told its NodeManager to kill it. A lost master that still runs is refused by the
 * ResourceManager on its next heartbeat and exits, and Flink only publishes leader information
 * while its own latch node exists, so it cannot act as leader after this.
 */
public final class PreviousLeaderFencer {

    private static final Logger LOG = LoggerFactory.getLogger(PreviousLeaderFencer.class);
    /** Relative to Flink's per-cluster namespace: the one latch all of a JobManager's components share. */
    static final String LATCH_PATH =
            ZooKeeperUtils.generateZookeeperPath(ZooKeeperUtils.getLeaderPath(), ZooKeeperUtils.getLeaderLatchPath());

    private final CuratorFramework clusterCurator;

    /** @param clusterCurator Flink's Curator client, in the cluster's namespace (root + cluster id) */
    public PreviousLeaderFencer(CuratorFramework clusterCurator) {
        this.clusterCurator = clusterCurator;
    }

    /** Deletes every latch entry; must run before this JobManager joins the latch. Returns how many went. */
    public int fence() throws Exception {
        List<String> entries;
        try {
            entries = clusterCurator.getChildren().forPath(LATCH_PATH);
        } catch (KeeperException.NoNodeException neverElected) {
            return 0;
        }
        int deleted = 0;
        for (String entry : entries) {
            try {
                clusterCurator.delete().forPath(LATCH_PATH + "/" + entry);
                deleted++;
            } catch (KeeperException.NoNodeException expiredMeanwhile) {
                // The dead JobManager's session expired between the listing and the delete.
            }
        }
        LOG.info(
                "Removed {} leader latch entr{} left by earlier attempts under {}",
                deleted,
                deleted == 1 ? "y" : "ies",
                LATCH_PATH);
        return deleted;
    }
}
