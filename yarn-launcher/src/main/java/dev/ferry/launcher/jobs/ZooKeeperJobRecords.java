package dev.ferry.launcher.jobs;

import dev.ferry.ha.HaException;
import dev.ferry.ha.registry.JobRecord;
import dev.ferry.ha.registry.JobRegistry;
import dev.ferry.launcher.ha.HaErrors;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Job records in the registry in ZooKeeper ({@code <ferry root>/jobs/<name>}), beside the clusters. */
public final class ZooKeeperJobRecords implements JobRecords {

    private final JobRegistry registry;
    private final String location;

    public ZooKeeperJobRecords(JobRegistry registry, String location) {
        this.registry = registry;
        this.location = location;
    }

    @Override
    public Optional<JobRecord> find(String name) {
        return JobRecords.isValidName(name) ? translated(() -> registry.find(name)) : Optional.empty();
    }

    @Override
    public List<JobRecord> list() {
        return translated(registry::list);
    }

    @Override
    public void save(JobRecord record) {
        JobRecords.requireValidName(record.name());
        translated(() -> {
            registry.save(record);
            return null;
        });
    }

    @Override
    public String location() {
        return location;
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (HaException e) {
            throw HaErrors.translate(e);
        }
    }
}
