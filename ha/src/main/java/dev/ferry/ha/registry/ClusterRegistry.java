package dev.ferry.ha.registry;

import dev.ferry.ha.zookeeper.HaPaths;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.ferry.ha.zookeeper.ZooKeeperCalls.call;

/** Ferry's clusters, under {@code <root>/clusters/<name>}. */
public final class ClusterRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRegistry.class);

    private final CuratorFramework client;
    private final HaPaths paths;

    public ClusterRegistry(CuratorFramework client, HaPaths paths) {
        this.client = client;
        this.paths = paths;
    }

    /**
     * Claims {@code record.name()}. ZooKeeper's create is atomic, so of two concurrent registrations
     * exactly one succeeds.
     *
     * @throws ClusterAlreadyRegisteredException when the name is taken
     */
    public void register(ClusterRecord record) {
        String path = paths.cluster(record.name());
        boolean created = call(client, path, () -> {
            try {
                client.create()
                        .creatingParentsIfNeeded()
                        .withMode(CreateMode.PERSISTENT)
                        .forPath(path, RecordCodec.encode(record));
                return true;
            } catch (KeeperException.NodeExistsException e) {
                return false;
            }
        });
        if (!created) {
            String holder =
                    get(record.name()).map(v -> v.value().applicationId()).orElse("(removed meanwhile)");
            throw new ClusterAlreadyRegisteredException(record.name(), holder);
        }
        LOG.info("Registered cluster '{}' as {}", record.name(), record.applicationId());
    }

    /**
     * Replaces the record if it is still at {@code expectedVersion}; returns the new version.
     *
     * @throws ConcurrentUpdateException when someone else changed it first
     * @throws ClusterNotFoundException when it was removed
     */
    public int update(ClusterRecord record, int expectedVersion) {
        String path = paths.cluster(record.name());
        Stat stat = call(client, path, () -> {
            try {
                return client.setData().withVersion(expectedVersion).forPath(path, RecordCodec.encode(record));
            } catch (KeeperException.BadVersionException e) {
                throw new ConcurrentUpdateException(path, expectedVersion);
            } catch (KeeperException.NoNodeException e) {
                throw new ClusterNotFoundException(record.name());
            }
        });
        return stat.getVersion();
    }

    public Optional<Versioned<ClusterRecord>> get(String name) {
        return read(paths.cluster(name), ClusterRecord.class);
    }

    /** All registered clusters, by name. */
    public List<ClusterRecord> list() {
        List<ClusterRecord> records = new ArrayList<>();
        for (String name : children(paths.clusters())) {
            // A cluster removed between listing and reading is simply not listed.
            get(name).ifPresent(v -> records.add(v.value()));
        }
        records.sort(Comparator.comparing(ClusterRecord::name));
        return records;
    }

    /** Removes the cluster's record; returns false when there was none. */
    public boolean remove(String name) {
        String path = paths.cluster(name);
        boolean removed = call(client, path, () -> {
            try {
                client.delete().deletingChildrenIfNeeded().forPath(path);
                return true;
            } catch (KeeperException.NoNodeException e) {
                return false;
            }
        });
        if (removed) {
            LOG.info("Removed cluster '{}'", name);
        }
        return removed;
    }

    private <T> Optional<Versioned<T>> read(String path, Class<T> type) {
        return call(client, path, () -> {
            Stat stat = new Stat();
            try {
                byte[] bytes = client.getData().storingStatIn(stat).forPath(path);
                return Optional.of(new Versioned<>(RecordCodec.decode(path, bytes, type), stat.getVersion()));
            } catch (KeeperException.NoNodeException e) {
                return Optional.empty();
            }
        });
    }

    private List<String> children(String path) {
        return call(client, path, () -> {
            try {
                return client.getChildren().forPath(path);
            } catch (KeeperException.NoNodeException e) {
                return List.of();
            }
        });
    }
}
