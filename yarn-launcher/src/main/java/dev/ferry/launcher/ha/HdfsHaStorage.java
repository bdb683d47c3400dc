package dev.ferry.launcher.ha;

import dev.ferry.ha.cleanup.HaStorage;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flink's {@code high-availability.storageDir} on the cluster file system: a directory per
 * cluster id, plus one per cluster id under {@code job-result-store/}.
 */
public final class HdfsHaStorage implements HaStorage {

    static final String JOB_RESULT_STORE = "job-result-store";

    private final FileSystem fs;
    private final Path root;

    public HdfsHaStorage(Configuration hadoopConf, String storageDir) {
        try {
            Path dir = new Path(storageDir);
            this.fs = dir.getFileSystem(hadoopConf);
            this.root = fs.makeQualified(dir);
        } catch (IOException e) {
            throw unavailable(storageDir, e);
        }
    }

    @Override
    public Set<String> list() {
        Set<String> ids = new TreeSet<>();
        for (FileStatus status : children(root)) {
            if (status.isDirectory() && !status.getPath().getName().equals(JOB_RESULT_STORE)) {
                ids.add(status.getPath().getName());
            }
        }
        for (FileStatus status : children(new Path(root, JOB_RESULT_STORE))) {
            ids.add(status.getPath().getName());
        }
        return ids;
    }

    @Override
    public long sizeOf(String clusterId) {
        long bytes = 0;
        for (Path dir : dirsOf(clusterId)) {
            try {
                bytes += fs.getContentSummary(dir).getLength();
            } catch (FileNotFoundException absent) {
                // Nothing stored there.
            } catch (IOException e) {
                throw unavailable(dir.toString(), e);
            }
        }
        return bytes;
    }

    @Override
    public void delete(String clusterId) {
        for (Path dir : dirsOf(clusterId)) {
            try {
                fs.delete(dir, true);
            } catch (IOException e) {
                throw unavailable(dir.toString(), e);
            }
        }
    }

    private List<Path> dirsOf(String clusterId) {
        return List.of(new Path(root, clusterId), new Path(new Path(root, JOB_RESULT_STORE), clusterId));
    }

    private List<FileStatus> children(Path dir) {
        try {
            return List.of(fs.listStatus(dir));
        } catch (FileNotFoundException absent) {
            return List.of();
        } catch (IOException e) {
            throw unavailable(dir.toString(), e);
        }
    }

    private static FerryException unavailable(String path, IOException e) {
        return new FerryException(
                ExitCode.UNAVAILABLE,
                "Cannot read HA storage " + path + " (" + FerryException.firstLine(e.getMessage())
                        + "): check ferry.ha.storage-dir and that the file system is up",
                e);
    }
}
