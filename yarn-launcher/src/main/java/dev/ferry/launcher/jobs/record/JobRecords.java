package dev.ferry.launcher.jobs.record;

import dev.ferry.ha.HaNames;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where Ferry keeps its job records: in ZooKeeper's registry when HA is on
 * ({@link ZooKeeperJobRecords}), otherwise on the cluster file system ({@link FileSystemJobRecords}).
 * Either way every gateway of the cluster sees the same records, and a job name is held by one
 * gateway at a time while it starts, stops or changes that job.
 */
public interface JobRecords {

    Optional<JobRecord> find(String name);

    /** Every record, most recently changed first. */
    List<JobRecord> list();

    void save(JobRecord record);

    /**
     * Runs {@code action} holding job name {@code name} across gateways, so that two of them
     * cannot both start, resume or change the same job.
     *
     * @throws FerryException CONFLICT naming the holder, when another command keeps the name
     *     past the lock timeout
     */
    <T> T underNameLock(String name, Supplier<T> action);

    /** Where the records are, for messages. */
    String location();

    /** Job names key records (file and znode names) and become YARN application names. */
    static boolean isValidName(String name) {
        try {
            HaNames.check("job", name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Rejects a job name that cannot key a record, before anything is submitted. */
    static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "Job name '" + name + "' is not usable: use letters, digits, '.', '_' and '-' (at most 128),"
                            + " starting with a letter or digit; set it with --name");
        }
    }
}
