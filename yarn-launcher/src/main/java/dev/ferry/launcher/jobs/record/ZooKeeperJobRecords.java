package dev.ferry.launcher.jobs.record;

import dev.ferry.ha.HaException;
import dev.ferry.ha.lock.LockedName;
import dev.ferry.ha.lock.NameLock;
import dev.ferry.ha.registry.JobRegistry;
import dev.ferry.ha.registry.Versioned;
import dev.ferry.ha.zookeeper.HaPaths;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.ha.HaErrors;

import org.apache.curator.framework.CuratorFramework;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Job records in the registry in ZooKeeper ({@code <ferry root>/jobs/<name>}), beside the
 * clusters, and job name locks beside the cluster name locks. A save writes the version it read,
 * so of two gateways that raced past the lock only the first write lands.
 */
public final class ZooKeeperJobRecords implements JobRecords {

    private final Supplier<CuratorFramework> zooKeeper;
    private final HaPaths paths;
    private final Duration lockTimeout;
    private final String location;

    /** @param zooKeeper connected on first use, so that a command checks its input first */
    public ZooKeeperJobRecords(
            Supplier<CuratorFramework> zooKeeper, HaPaths paths, Duration lockTimeout, String quorum) {
        this.zooKeeper = zooKeeper;
        this.paths = paths;
        this.lockTimeout = lockTimeout;
        this.location = "ZooKeeper " + quorum + paths.jobs();
    }

    private JobRegistry registry() {
        return new JobRegistry(zooKeeper.get(), paths);
    }

    @Override
    public Optional<JobRecord> find(String name) {
        if (!JobRecords.isValidName(name)) {
            return Optional.empty();
        }
        return translated(() -> registry().find(name)).map(found -> decode(name, found.value()));
    }

    @Override
    public List<JobRecord> list() {
        List<JobRecord> records = new ArrayList<>();
        for (String name : translated(() -> registry().names())) {
            // A record removed between listing and reading is simply not listed.
            find(name).ifPresent(records::add);
        }
        records.sort(Comparator.comparingLong(JobRecord::updatedAt).reversed());
        return records;
    }

    @Override
    public void save(JobRecord record) {
        JobRecords.requireValidName(record.name());
        byte[] document = JobRecordCodec.encode(record);
        translated(() -> {
            JobRegistry registry = registry();
            Optional<Versioned<byte[]>> current = registry.find(record.name());
            if (current.isPresent()) {
                registry.update(record.name(), document, current.get().version());
            } else {
                registry.create(record.name(), document);
            }
            return null;
        });
    }

    @Override
    public <T> T underNameLock(String name, Supplier<T> action) {
        JobRecords.requireValidName(name);
        try (NameLock lock =
                translated(() -> NameLock.acquire(zooKeeper.get(), paths, LockedName.job(name), lockTimeout))) {
            return action.get();
        }
    }

    @Override
    public String location() {
        return location;
    }

    private JobRecord decode(String name, byte[] document) {
        try {
            return JobRecordCodec.decode(document);
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Znode " + paths.job(name) + " does not hold a valid job record ("
                            + FerryException.firstLine(e.getMessage()) + "): remove it and submit the job again",
                    e);
        }
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }
}
