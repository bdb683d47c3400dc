package dev.ferry.launcher.ha;

import dev.ferry.ha.HaException;
import dev.ferry.ha.cleanup.HaDataCleaner;
import dev.ferry.ha.cleanup.HaStorage;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.curator.framework.CuratorFramework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads which clusters hold HA data, and whether YARN still runs them. */
public final class HaStatusReader {

    private final CuratorFramework zooKeeper;
    private final YarnCluster yarn;
    private final HaStorage storage;
    private final String flinkRoot;
    private final String storageDir;

    public HaStatusReader(
            CuratorFramework zooKeeper, YarnCluster yarn, HaStorage storage, String flinkRoot, String storageDir) {
        this.zooKeeper = zooKeeper;
        this.yarn = yarn;
        this.storage = storage;
        this.flinkRoot = flinkRoot;
        this.storageDir = storageDir;
    }

    private Set<String> clusterIdsInZooKeeper(Set<String> live) {
        try {
            return new HaDataCleaner(zooKeeper, flinkRoot, storage, () -> live).clusterIdsInZooKeeper();
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }

    public HaStatus read() {
        Set<String> live = LiveApplications.ids(yarn);
        Set<String> znodes = clusterIdsInZooKeeper(live);
        Set<String> stored = storage.list();
        Set<String> all = new TreeSet<>(znodes);
        all.addAll(stored);
        List<HaStatus.HaCluster> clusters = new ArrayList<>();
        for (String id : all) {
            clusters.add(new HaStatus.HaCluster(
                    id, live.contains(id), znodes.contains(id), stored.contains(id) ? storage.sizeOf(id) : 0));
        }
        return new HaStatus(
                zooKeeper.getZookeeperClient().getCurrentConnectionString(), flinkRoot, storageDir, clusters);
    }
}
