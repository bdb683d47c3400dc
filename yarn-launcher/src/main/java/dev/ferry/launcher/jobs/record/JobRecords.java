package dev.ferry.launcher.jobs;

import dev.ferry.ha.HaNames;
import dev.ferry.ha.registry.JobRecord;
import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;

import java.util.List;
import java.util.Optional;

/**
 * Where Ferry keeps its job records: in ZooKeeper's registry when HA is on
 * ({@link ZooKeeperJobRecords}), otherwise on the cluster file system ({@link FileSystemJobRecords}).
 * Either way every gateway of the cluster sees the same records.
 */
public interface JobRecords {

    Optional<JobRecord> find(String name);

    /** Every record, most recently changed first. */
    List<JobRecord> list();

    void save(JobRecord record);

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
