package dev.ferry.launcher.jobs.record;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Job records as one JSON file per job name on the cluster file system ({@code ferry.jobs.dir}),
 * the one place every gateway sees when ZooKeeper HA is off. A write replaces the file whole, so a
 * reader never sees half a record; writers of one name take its {@link FileSystemNameLock} first.
 */
public final class FileSystemJobRecords implements JobRecords {

    private static final String SUFFIX = ".json";

    private final ClusterFiles files;
    /** Lock files this thread holds, in any directory: a name is held by a thread, not by a store object. */
    private static final ThreadLocal<Set<String>> HELD_BY_THIS_THREAD = ThreadLocal.withInitial(HashSet::new);

    private final String dir;
    private final Duration lockTimeout;
    private final Clock clock;

    public FileSystemJobRecords(ClusterFiles files, String dir, Duration lockTimeout) {
        this(files, dir, lockTimeout, Clock.systemUTC());
    }

    /** @param clock what lock files' ages are measured by */
    public FileSystemJobRecords(ClusterFiles files, String dir, Duration lockTimeout, Clock clock) {
        this.files = files;
        this.dir = dir;
        this.lockTimeout = lockTimeout;
        this.clock = clock;
    }

    @Override
    public Optional<JobRecord> find(String name) {
        if (!JobRecords.isValidName(name)) {
            return Optional.empty();
        }
        String file = file(name);
        return files.read(file).map(json -> decode(file, json));
    }

    @Override
    public List<JobRecord> list() {
        List<JobRecord> records = new ArrayList<>();
        for (FileEntry entry : files.list(location())) {
            String name = entry.name();
            if (!entry.directory() && name.endsWith(SUFFIX)) {
                find(name.substring(0, name.length() - SUFFIX.length())).ifPresent(records::add);
            }
        }
        records.sort(Comparator.comparingLong(JobRecord::updatedAt).reversed());
        return records;
    }

    @Override
    public void save(JobRecord record) {
        JobRecords.requireValidName(record.name());
        files.write(file(record.name()), JobRecordCodec.encode(record));
    }

    /** Reentrant like ZooKeeper's lock: a restart holds the name through its stop and its start. */
    @Override
    public <T> T underNameLock(String name, Supplier<T> action) {
        JobRecords.requireValidName(name);
        String lockDir = location() + "/.locks";
        String key = lockDir + "/" + name;
        if (!HELD_BY_THIS_THREAD.get().add(key)) {
            return action.get();
        }
        try (FileSystemNameLock lock = FileSystemNameLock.acquire(files, lockDir, name, lockTimeout, clock)) {
            return action.get();
        } finally {
            HELD_BY_THIS_THREAD.get().remove(key);
        }
    }

    /** The qualified directory; the file system is contacted on first use, not on construction. */
    @Override
    public String location() {
        return files.qualify(dir);
    }

    private String file(String name) {
        return location() + "/" + name + SUFFIX;
    }

    private static JobRecord decode(String file, byte[] json) {
        try {
            return JobRecordCodec.decode(json);
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Job record " + file + " is not a valid record (" + FerryException.firstLine(e.getMessage())
                            + "): move it aside and submit the job again",
                    e);
        }
    }
}
