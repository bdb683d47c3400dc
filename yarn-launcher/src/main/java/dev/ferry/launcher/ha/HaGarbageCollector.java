package dev.ferry.launcher.ha;

import dev.ferry.ha.HaException;
import dev.ferry.ha.cleanup.CleanupReport;
import dev.ferry.ha.cleanup.HaDataCleaner;
import dev.ferry.ha.cleanup.HaStorage;

import org.apache.curator.framework.CuratorFramework;
import org.apache.hadoop.yarn.client.api.YarnClient;

/**
 * {@code ferry ha gc}: removes the znodes and HA storage that clusters YARN no longer runs left
 * behind (a YARN kill removes nothing), never a live application's.
 */
public final class HaGarbageCollector {

    private final CuratorFramework zooKeeper;
    private final YarnClient yarn;
    private final HaStorage storage;
    private final String flinkRoot;

    public HaGarbageCollector(CuratorFramework zooKeeper, YarnClient yarn, HaStorage storage, String flinkRoot) {
        this.zooKeeper = zooKeeper;
        this.yarn = yarn;
        this.storage = storage;
        this.flinkRoot = flinkRoot;
    }

    public CleanupReport collect(boolean dryRun) {
        try {
            return new HaDataCleaner(zooKeeper, flinkRoot, storage, () -> LiveApplications.ids(yarn)).clean(dryRun);
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }
}
