package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.rest.CheckpointHistory.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a job can be restored from, whoever took it: the savepoints and checkpoints Flink
 * recorded for each of its runs ({@link RunHistories}), the checkpoints its runs retained
 * ({@code <checkpoint dir>/<job id>/chk-N}) and the savepoints in its savepoint directory
 * ({@code savepoint-<first six of the job id>-*}), which a YARN kill leaves behind with no
 * JobManager left to ask, and the savepoint Ferry recorded. A point counts only while its {@code
 * _metadata} exists: it completed and nobody deleted it. Latest means latest completed.
 */
public final class RestorePoints {

    private static final String METADATA = "_metadata";

    private final ClusterFiles files;
    private final RunHistories histories;

    public RestorePoints(ClusterFiles files, RunHistories histories) {
        this.files = files;
        this.histories = histories;
    }

    /** A restore point: a savepoint or a retained checkpoint, with when it completed. */
    public record RestorePoint(String path, String kind, long completedAt) {

        public static final String SAVEPOINT = "savepoint";
        public static final String CHECKPOINT = "checkpoint";

        public boolean savepoint() {
            return SAVEPOINT.equals(kind);
        }
    }

    /** What exists of one job, newest first. */
    public record Found(List<RestorePoint> newestFirst) {

        public Optional<RestorePoint> latest() {
            return newestFirst.stream().findFirst();
        }

        public Optional<RestorePoint> latestSavepoint() {
            return newestFirst.stream().filter(RestorePoint::savepoint).findFirst();
        }

        public Optional<RestorePoint> latestCheckpoint() {
            return newestFirst.stream().filter(point -> !point.savepoint()).findFirst();
        }
    }

    /** Every restore point of any of the job's runs that still exists. */
    public Found of(JobRecord record) {
        // Flink's completion time is preferred where both know a point; only the file system's are known to exist.
        Map<String, RestorePoint> byPath = new LinkedHashMap<>();
        fromFlink(record).forEach(point -> byPath.putIfAbsent(files.qualify(point.path()), point));
        Set<String> onFileSystem = new HashSet<>();
        for (RestorePoint point : fromFileSystem(record)) {
            String path = files.qualify(point.path());
            onFileSystem.add(path);
            byPath.putIfAbsent(path, point);
        }
        List<RestorePoint> existing = new ArrayList<>();
        byPath.forEach((path, point) -> {
            if (onFileSystem.contains(path) || completedAt(path).isPresent()) {
                existing.add(point);
            }
        });
        existing.sort(Comparator.comparingLong(RestorePoint::completedAt).reversed());
        return new Found(existing);
    }

    /** Fails with a one-line error unless {@code path} is a savepoint or checkpoint Flink can restore. */
    public void requireRestorable(String path) {
        String directory =
                path.endsWith("/" + METADATA) ? path.substring(0, path.length() - METADATA.length() - 1) : path;
        if (files.status(directory + "/" + METADATA).isEmpty()) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "No savepoint at " + path + " (no " + METADATA + " there): give a savepoint or checkpoint"
                            + " directory, or use --from-latest; nothing was submitted");
        }
    }

    /** What Flink recorded, run by run; the run that is current may still be asked of its JobManager. */
    private List<RestorePoint> fromFlink(JobRecord record) {
        List<RestorePoint> points = new ArrayList<>();
        for (String jobId : record.jobIds()) {
            Optional<String> application = jobId.equals(record.currentJobId())
                    ? Optional.ofNullable(record.applicationId())
                    : Optional.empty();
            for (Snapshot snapshot : histories.of(application, jobId).completed()) {
                points.add(new RestorePoint(
                        snapshot.path(),
                        snapshot.savepoint() ? RestorePoint.SAVEPOINT : RestorePoint.CHECKPOINT,
                        snapshot.completedAt()));
            }
        }
        return points;
    }

    private List<RestorePoint> fromFileSystem(JobRecord record) {
        List<RestorePoint> points = new ArrayList<>();
        if (record.lastSavepoint() != null) {
            completedAt(record.lastSavepoint())
                    .ifPresent(
                            time -> points.add(new RestorePoint(record.lastSavepoint(), RestorePoint.SAVEPOINT, time)));
        }
        for (String jobId : record.jobIds()) {
            if (record.checkpointDir() != null) {
                points.addAll(listed(record.checkpointDir() + "/" + jobId, "chk-", RestorePoint.CHECKPOINT));
            }
            if (record.savepointDir() != null) {
                points.addAll(listed(record.savepointDir(), savepointPrefix(jobId), RestorePoint.SAVEPOINT));
            }
        }
        return points;
    }

    /** Flink names a savepoint directory after the first six characters of its job's id. */
    static String savepointPrefix(String jobId) {
        return "savepoint-" + jobId.substring(0, Math.min(6, jobId.length())) + "-";
    }

    private List<RestorePoint> listed(String dir, String prefix, String kind) {
        List<RestorePoint> points = new ArrayList<>();
        for (FileEntry entry : files.list(dir)) {
            if (entry.directory() && entry.name().startsWith(prefix)) {
                completedAt(entry.path()).ifPresent(time -> points.add(new RestorePoint(entry.path(), kind, time)));
            }
        }
        return points;
    }

    private Optional<Long> completedAt(String pointDir) {
        return files.status(pointDir + "/" + METADATA).map(FileEntry::modificationTime);
    }
}
