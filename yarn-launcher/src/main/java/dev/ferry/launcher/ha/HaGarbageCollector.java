package dev.ferry.launcher.ha;

import dev.ferry.ha.HaException;
import dev.ferry.ha.cleanup.CleanupReport;
import dev.ferry.ha.cleanup.HaDataCleaner;
import dev.ferry.ha.cleanup.HaStorage;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.curator.framework.CuratorFramework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ferry ha gc}: removes the znodes and HA storage that clusters YARN no longer runs left
 * behind (a YARN kill removes nothing), never a live application's; and the registry entries
 * that still name such a cluster, so {@code ferry session list} stops showing it as stale.
 */
public final class HaGarbageCollector {

    private final CuratorFramework zooKeeper;
    private final YarnCluster yarn;
    private final HaStorage storage;
    private final String flinkRoot;
    private final ClusterCoordination coordination;

    public HaGarbageCollector(
            CuratorFramework zooKeeper,
            YarnCluster yarn,
            HaStorage storage,
            String flinkRoot,
            ClusterCoordination coordination) {
        this.zooKeeper = zooKeeper;
        this.yarn = yarn;
        this.storage = storage;
        this.flinkRoot = flinkRoot;
        this.coordination = coordination;
    }

    public GcReport collect(boolean dryRun) {
        CleanupReport haData;
        try {
            haData = new HaDataCleaner(
                            zooKeeper,
                            flinkRoot,
                            storage,
                            () -> LiveApplications.ids(yarn),
                            () -> LiveApplications.justEndedIds(yarn))
                    .clean(dryRun);
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
        return new GcReport(haData, staleRegistryEntries(dryRun));
    }

    private List<RegistryEntry> staleRegistryEntries(boolean dryRun) {
        // Registry first: an entry registered after YARN was asked would otherwise look stale.
        List<RegistryEntry> entries = coordination.registry().orElse(List.of());
        Set<String> live = LiveApplications.ids(yarn);
        List<RegistryEntry> stale = new ArrayList<>();
        for (RegistryEntry entry : entries) {
            if (live.contains(entry.applicationId())) {
                continue;
            }
            if (dryRun || removeUnderNameLock(entry)) {
                stale.add(entry);
            }
        }
        return stale;
    }

    /** Under the name lock, and only if YARN still does not run it: a start may be re-using the name. */
    private boolean removeUnderNameLock(RegistryEntry entry) {
        try {
            return coordination.underNameLock(
                    entry.name(),
                    () -> !LiveApplications.ids(yarn).contains(entry.applicationId())
                            && coordination.unregistered(entry.name(), entry.applicationId()));
        } catch (FerryException e) {
            if (e.exitCode() == ExitCode.CONFLICT) {
                // Another command holds the name (e.g. a start): it replaces the entry itself.
                return false;
            }
            throw e;
        }
    }
}
