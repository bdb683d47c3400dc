package dev.ferry.ha.cleanup;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static dev.ferry.ha.zookeeper.ZooKeeperCalls.call;

/**
 * Deletes the HA data (znodes under Flink's ZooKeeper root and the storage dir entries) that clusters killed
 * by YARN leave behind. Only a graceful Flink shutdown removes them; a kill leaves them forever.
 */
public final class HaDataCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(HaDataCleaner.class);

    private final CuratorFramework client;
    private final String flinkRoot;
    private final HaStorage storage;
    private final Supplier<Set<String>> liveClusterIds;
    private final Supplier<Set<String>> justEndedClusterIds;

    /**
     * @param flinkRoot Flink's {@code high-availability.zookeeper.path.root} (default {@code /flink})
     * @param liveClusterIds the cluster ids (Flink's {@code high-availability.cluster-id}, by default the YARN
     *     application id) of every cluster that is not finished; asked again right before each deletion
     */
    public HaDataCleaner(
            CuratorFramework client, String flinkRoot, HaStorage storage, Supplier<Set<String>> liveClusterIds) {
        this(client, flinkRoot, storage, liveClusterIds, Set::of);
    }

    /**
     * @param justEndedClusterIds clusters that ended so recently that their JobManager may still be
     *     shutting down: a killed JobManager's graceful shutdown deletes its leader nodes (so it looks
     *     dead) and can still write below its root after they are gone (seen in ZooKeeperAclIT)
     */
    public HaDataCleaner(
            CuratorFramework client,
            String flinkRoot,
            HaStorage storage,
            Supplier<Set<String>> liveClusterIds,
            Supplier<Set<String>> justEndedClusterIds) {
        if (flinkRoot == null || flinkRoot.isBlank() || flinkRoot.equals("/")) {
            throw new IllegalArgumentException(
                    "Flink's ZooKeeper root must be a dedicated znode such as /flink, not '" + flinkRoot + "'");
        }
        this.client = client;
        this.flinkRoot = flinkRoot;
        this.storage = storage;
        this.liveClusterIds = liveClusterIds;
        this.justEndedClusterIds = justEndedClusterIds;
    }

    /** Removes (or, with {@code dryRun}, only reports) the HA data of every cluster that is not live. */
    public CleanupReport clean(boolean dryRun) {
        Set<String> znodeIds = clusterIdsInZooKeeper();
        Set<String> storageIds = storage.list();
        Set<String> candidates = new TreeSet<>(znodeIds);
        candidates.addAll(storageIds);
        candidates.removeAll(liveClusterIds.get());

        List<CleanupReport.RemovedCluster> removed = new ArrayList<>();
        List<CleanupReport.SkippedCluster> skipped = new ArrayList<>();
        for (String id : candidates) {
            String reason = reasonToKeep(id);
            if (reason != null) {
                skipped.add(new CleanupReport.SkippedCluster(id, reason));
                continue;
            }
            removed.add(remove(id, znodeIds.contains(id), storageIds.contains(id), dryRun));
        }
        return new CleanupReport(dryRun, removed, skipped);
    }

    /**
     * Removes the HA data of one cluster that has just ended (stopped or killed), with the same
     * safety checks as {@link #clean}: kept, with the reason, while it is live or a JobManager
     * still holds its ZooKeeper session.
     */
    public CleanupReport cleanCluster(String clusterId) {
        boolean hasZnodes = clusterIdsInZooKeeper().contains(clusterId);
        boolean hasStorage = storage.list().contains(clusterId);
        if (!hasZnodes && !hasStorage) {
            return new CleanupReport(false, List.of(), List.of());
        }
        String reason = reasonToKeep(clusterId);
        if (reason != null) {
            return new CleanupReport(false, List.of(), List.of(new CleanupReport.SkippedCluster(clusterId, reason)));
        }
        return new CleanupReport(false, List.of(remove(clusterId, hasZnodes, hasStorage, false)), List.of());
    }

    /**
     * Re-checks, right before deleting, that the cluster is still dead: the caller's list may be stale (a cluster
     * started meanwhile), and a JobManager holding a leader node proves a live session whatever the list says.
     */
    private String reasonToKeep(String id) {
        if (liveClusterIds.get().contains(id)) {
            return "became live during the cleanup";
        }
        if (justEndedClusterIds.get().contains(id)) {
            return "ended moments ago; its JobManager may still be shutting down";
        }
        if (hasEphemeralNode(ZKPaths.makePath(flinkRoot, id, "leader"))) {
            return "a JobManager still holds a ZooKeeper session (leader node present)";
        }
        return null;
    }

    private CleanupReport.RemovedCluster remove(String id, boolean hasZnodes, boolean hasStorage, boolean dryRun) {
        long bytes = hasStorage ? storage.sizeOf(id) : 0;
        if (!dryRun) {
            if (hasZnodes) {
                deleteZnodes(ZKPaths.makePath(flinkRoot, id));
            }
            if (hasStorage) {
                storage.delete(id);
            }
            LOG.info("Removed HA data of dead cluster {} ({} bytes of storage)", id, bytes);
        }
        return new CleanupReport.RemovedCluster(id, hasZnodes, hasStorage, bytes);
    }

    /** The cluster ids that have znodes under Flink's HA root. */
    public Set<String> clusterIdsInZooKeeper() {
        return call(client, flinkRoot, () -> {
            try {
                return new TreeSet<>(client.getChildren().forPath(flinkRoot));
            } catch (KeeperException.NoNodeException e) {
                return new TreeSet<String>();
            }
        });
    }

    /** Only the small leader subtree is walked, never the checkpoint or job graph subtrees. */
    private boolean hasEphemeralNode(String path) {
        return call(client, path, () -> {
            try {
                Stat stat = client.checkExists().forPath(path);
                if (stat == null) {
                    return false;
                }
                if (stat.getEphemeralOwner() != 0) {
                    return true;
                }
                for (String child : client.getChildren().forPath(path)) {
                    if (hasEphemeralNode(ZKPaths.makePath(path, child))) {
                        return true;
                    }
                }
                return false;
            } catch (KeeperException.NoNodeException e) {
                return false;
            }
        });
    }

    private void deleteZnodes(String path) {
        call(client, path, () -> {
            try {
                client.delete().deletingChildrenIfNeeded().forPath(path);
            } catch (KeeperException.NoNodeException e) {
                LOG.debug("{} was removed meanwhile", path);
            }
            return null;
        });
    }
}
