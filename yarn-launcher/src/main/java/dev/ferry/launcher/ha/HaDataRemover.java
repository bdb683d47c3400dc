package dev.ferry.launcher.ha;

import dev.ferry.ha.HaException;
import dev.ferry.ha.cleanup.CleanupReport;
import dev.ferry.ha.cleanup.HaDataCleaner;
import dev.ferry.ha.cleanup.HaStorage;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.curator.framework.CuratorFramework;

import java.time.Duration;

/**
 * Removes the HA data of a cluster that was just stopped or killed. A killed JobManager's leader
 * znodes live until its ZooKeeper session expires, so this waits up to that long.
 */
public final class HaDataRemover implements EndedClusterCleanup {

    private static final long POLL_MILLIS = 500;

    private final CuratorFramework zooKeeper;
    private final YarnCluster yarn;
    private final HaStorage storage;
    private final String flinkRoot;
    private final Duration maxWait;

    public HaDataRemover(
            CuratorFramework zooKeeper, YarnCluster yarn, HaStorage storage, String flinkRoot, Duration maxWait) {
        this.zooKeeper = zooKeeper;
        this.yarn = yarn;
        this.storage = storage;
        this.flinkRoot = flinkRoot;
        this.maxWait = maxWait;
    }

    @Override
    public String cleanUp(String applicationId) {
        HaDataCleaner cleaner = new HaDataCleaner(zooKeeper, flinkRoot, storage, () -> LiveApplications.ids(yarn));
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (true) {
                CleanupReport report = cleaner.cleanCluster(applicationId);
                if (report.skipped().isEmpty()) {
                    return report.removed().isEmpty() ? "none" : "removed";
                }
                if (System.nanoTime() > deadline) {
                    return "kept (" + report.skipped().get(0).reason() + "); remove it later with 'ferry ha gc'";
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (HaException e) {
            return "kept (" + e.getMessage() + "); remove it later with 'ferry ha gc'";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "kept (interrupted); remove it later with 'ferry ha gc'";
        }
    }
}
