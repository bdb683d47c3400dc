package dev.ferry.launcher.ha;

import dev.ferry.ha.HaException;
import dev.ferry.ha.leader.LeaderInfo;
import dev.ferry.ha.leader.LeaderLookup;
import dev.ferry.ha.lock.LockedName;
import dev.ferry.ha.lock.NameLock;
import dev.ferry.ha.registry.ClusterRecord;
import dev.ferry.ha.registry.ClusterRegistry;
import dev.ferry.ha.zookeeper.HaPaths;

import org.apache.curator.framework.CuratorFramework;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ClusterCoordination} in ZooKeeper, through the ha module's Curator recipes. */
public final class ZooKeeperCoordination implements ClusterCoordination {

    private final CuratorFramework zooKeeper;
    private final HaPaths paths;
    private final Duration lockTimeout;
    private final ClusterRegistry registry;
    private final LeaderLookup leaders;

    public ZooKeeperCoordination(CuratorFramework zooKeeper, HaPaths paths, Duration lockTimeout, String flinkRoot) {
        this.zooKeeper = zooKeeper;
        this.paths = paths;
        this.lockTimeout = lockTimeout;
        this.registry = new ClusterRegistry(zooKeeper, paths);
        this.leaders = new LeaderLookup(zooKeeper, flinkRoot);
    }

    @Override
    public <T> T underNameLock(String name, Supplier<T> action) {
        try (NameLock lock = NameLock.acquire(zooKeeper, paths, LockedName.cluster(name), lockTimeout)) {
            return action.get();
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }

    @Override
    public void registered(RegisteredCluster cluster) {
        ClusterRecord record = new ClusterRecord(
                cluster.name(),
                cluster.applicationId(),
                cluster.mode(),
                cluster.queue(),
                cluster.user(),
                Instant.now(),
                cluster.applicationId(),
                cluster.restUrl(),
                cluster.ferryVersion());
        try {
            // Under the name lock, and YARN runs no other cluster of this name: any record is stale.
            registry.remove(cluster.name());
            registry.register(record);
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }

    @Override
    public void unregistered(String name) {
        try {
            registry.remove(name);
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }

    @Override
    public boolean unregistered(String name, String applicationId) {
        try {
            boolean stillNamesIt = registry.get(name)
                    .map(versioned -> versioned.value().applicationId().equals(applicationId))
                    .orElse(false);
            return stillNamesIt && registry.remove(name);
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }

    @Override
    public Optional<List<RegistryEntry>> registry() {
        try {
            return Optional.of(registry.list().stream()
                    .map(r -> new RegistryEntry(
                            new RegisteredCluster(
                                    r.name(),
                                    r.applicationId(),
                                    r.mode(),
                                    r.queue(),
                                    r.user(),
                                    r.restUrl(),
                                    r.ferryVersion()),
                            r.createdAt()))
                    .toList());
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }

    @Override
    public Optional<String> leaderRestAddress(String applicationId) {
        try {
            return leaders.restServer(applicationId).map(LeaderInfo::address);
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }
}
