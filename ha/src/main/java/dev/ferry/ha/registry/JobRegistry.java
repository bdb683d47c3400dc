package dev.ferry.ha.registry;

import dev.ferry.ha.zookeeper.HaPaths;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import java.util.List;
import java.util.Optional;

import static dev.ferry.ha.zookeeper.ZooKeeperCalls.call;

/**
 * Job records under {@code <root>/jobs/<name>}, shared by every gateway. They sit beside the
 * clusters rather than below them: a job is resumed after its application cluster is gone. The
 * registry keeps each record as an opaque document (the launcher owns the job model) with its
 * znode version, so that writers update what they read or learn that someone else was first.
 */
public final class JobRegistry {

    private final CuratorFramework client;
    private final HaPaths paths;

    public JobRegistry(CuratorFramework client, HaPaths paths) {
        this.client = client;
        this.paths = paths;
    }

    /** The record of job {@code name} with its version, if there is one. */
    public Optional<Versioned<byte[]>> find(String name) {
        String path = paths.job(name);
        return call(client, path, () -> {
            try {
                Stat stat = new Stat();
                byte[] document = client.getData().storingStatIn(stat).forPath(path);
                return Optional.of(new Versioned<>(document, stat.getVersion()));
            } catch (KeeperException.NoNodeException e) {
                return Optional.empty();
            }
        });
    }

    /** The names of every recorded job. */
    public List<String> names() {
        String path = paths.jobs();
        return call(client, path, () -> {
            try {
                return client.getChildren().forPath(path);
            } catch (KeeperException.NoNodeException e) {
                return List.<String>of();
            }
        });
    }

    /**
     * Creates the record of a new job name.
     *
     * @throws ConcurrentUpdateException if another gateway created it first
     */
    public void create(String name, byte[] document) {
        String path = paths.job(name);
        call(client, path, () -> {
            try {
                return client.create()
                        .creatingParentsIfNeeded()
                        .withMode(CreateMode.PERSISTENT)
                        .forPath(path, document);
            } catch (KeeperException.NodeExistsException e) {
                throw new ConcurrentUpdateException(path, -1);
            }
        });
    }

    /**
     * Replaces the record if it is still at {@code expectedVersion}; returns the new version. A
     * ZooKeeper write is atomic: readers see the old record or the new one, never half.
     *
     * @throws ConcurrentUpdateException if someone changed or removed it since
     */
    public int update(String name, byte[] document, int expectedVersion) {
        String path = paths.job(name);
        return call(client, path, () -> {
            try {
                return client.setData()
                        .withVersion(expectedVersion)
                        .forPath(path, document)
                        .getVersion();
            } catch (KeeperException.BadVersionException | KeeperException.NoNodeException e) {
                throw new ConcurrentUpdateException(path, expectedVersion);
            }
        });
    }
}
