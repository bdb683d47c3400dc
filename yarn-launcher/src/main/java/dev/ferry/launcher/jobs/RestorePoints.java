package dev.ferry.launcher.jobs;

import dev.ferry.ha.registry.JobRecord;
import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a job can be restored from on the cluster file system: its recorded savepoint and
 * the checkpoints its runs retained ({@code <checkpoint dir>/<job id>/chk-N/_metadata}). A
 * checkpoint counts only once its {@code _metadata} exists, i.e. it completed. Reading the file
 * system rather than a JobManager makes this work after a kill and after the cluster ended.
 */
public final class RestorePoints {

    private static final String METADATA = "_metadata";

    private final FileSystem fs;

    public RestorePoints(org.apache.hadoop.conf.Configuration hadoopConf) {
        try {
            this.fs = FileSystem.get(hadoopConf);
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE, "Cannot reach the cluster file system: " + e.getMessage(), e);
        }
    }

    /** A restore point: a savepoint or a retained checkpoint, with when it completed. */
    public record RestorePoint(String path, String kind, long completedAt) {}

    /** The newest savepoint or completed checkpoint of any of the job's runs. */
    public Optional<RestorePoint> latest(JobRecord record) {
        List<RestorePoint> candidates = new ArrayList<>(checkpoints(record));
        savepoint(record).ifPresent(candidates::add);
        return candidates.stream().max(Comparator.comparingLong(RestorePoint::completedAt));
    }

    /** The newest completed checkpoint of any of the job's runs. */
    public Optional<RestorePoint> latestCheckpoint(JobRecord record) {
        return checkpoints(record).stream().max(Comparator.comparingLong(RestorePoint::completedAt));
    }

    /** Fails with a one-line error unless {@code path} is a savepoint or checkpoint Flink can restore. */
    public void requireRestorable(String path) {
        try {
            Path candidate = new Path(path);
            if (fs.exists(new Path(candidate, METADATA))
                    || (fs.isFile(candidate) && candidate.getName().equals(METADATA))) {
                return;
            }
            throw new FerryException(
                    ExitCode.USAGE,
                    "No savepoint at " + path + " (no " + METADATA + " there): give a savepoint or checkpoint"
                            + " directory, or use --from-latest");
        } catch (IOException e) {
            throw new FerryException(ExitCode.UNAVAILABLE, "Cannot check " + path + ": " + e.getMessage(), e);
        }
    }

    private Optional<RestorePoint> savepoint(JobRecord record) {
        if (record.lastSavepoint() == null) {
            return Optional.empty();
        }
        return completedAt(new Path(record.lastSavepoint()))
                .map(time -> new RestorePoint(record.lastSavepoint(), "savepoint", time));
    }

    private List<RestorePoint> checkpoints(JobRecord record) {
        List<RestorePoint> found = new ArrayList<>();
        if (record.checkpointDir() == null) {
            return found;
        }
        for (String jobId : record.jobIds()) {
            Path jobDir = new Path(record.checkpointDir(), jobId);
            for (FileStatus chk : list(jobDir)) {
                if (chk.isDirectory() && chk.getPath().getName().startsWith("chk-")) {
                    completedAt(chk.getPath())
                            .ifPresent(time ->
                                    found.add(new RestorePoint(chk.getPath().toString(), "checkpoint", time)));
                }
            }
        }
        return found;
    }

    private Optional<Long> completedAt(Path pointDir) {
        try {
            return Optional.of(fs.getFileStatus(new Path(pointDir, METADATA)).getModificationTime());
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new FerryException(ExitCode.UNAVAILABLE, "Cannot read " + pointDir + ": " + e.getMessage(), e);
        }
    }

    private FileStatus[] list(Path dir) {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        } catch (IOException e) {
            throw new FerryException(ExitCode.UNAVAILABLE, "Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
