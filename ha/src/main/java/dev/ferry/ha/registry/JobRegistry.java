package dev.ferry.ha.registry;

import dev.ferry.ha.zookeeper.HaPaths;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.ferry.ha.zookeeper.ZooKeeperCalls.call;

/**
 * Ferry's job records under {@code <root>/jobs/<name>}, shared by every gateway. They sit beside
 * the clusters rather than below them: a job is resumed after its application cluster is gone.
 */
public final class JobRegistry {

    private final CuratorFramework client;
    private final HaPaths paths;

    public JobRegistry(CuratorFramework client, HaPaths paths) {
        this.client = client;
        this.paths = paths;
    }

    public Optional<JobRecord> find(String name) {
        String path = paths.job(name);
        return call(client, path, () -> {
            try {
                return Optional.of(RecordCodec.decode(path, client.getData().forPath(path), JobRecord.class));
            } catch (KeeperException.NoNodeException e) {
                return Optional.empty();
            }
        });
    }

    /** Every record, most recently changed first. */
    public List<JobRecord> list() {
        List<JobRecord> records = new ArrayList<>();
        for (String name : children()) {
            // A record removed between listing and reading is simply not listed.
            find(name).ifPresent(records::add);
        }
        records.sort(Comparator.comparingLong(JobRecord::updatedAt).reversed());
        return records;
    }

    /** Creates or replaces the record; a ZooKeeper write is atomic, so readers see old or new, never half. */
    public void save(JobRecord record) {
        String path = paths.job(record.name());
        byte[] bytes = RecordCodec.encode(record);
        call(client, path, () -> {
            try {
                return client.create()
                        .creatingParentsIfNeeded()
                        .withMode(CreateMode.PERSISTENT)
                        .forPath(path, bytes);
            } catch (KeeperException.NodeExistsException e) {
                return client.setData().forPath(path, bytes);
            }
        });
    }

    private List<String> children() {
        String path = paths.jobs();
        return call(client, path, () -> {
            try {
                return client.getChildren().forPath(path);
            } catch (KeeperException.NoNodeException e) {
                return List.of();
            }
        });
    }
}
