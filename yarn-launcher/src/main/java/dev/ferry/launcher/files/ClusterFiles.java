package dev.ferry.launcher.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher needs from the cluster file system (HDFS, or whatever {@code fs.defaultFS}
 * names): job records, artifacts, locks, and finding savepoints and checkpoints. Paths are strings
 * as operators write them; one without a scheme and authority is on the default file system.
 * Implementations turn file system failures into one-line errors naming the path.
 */
public interface ClusterFiles {

    /** {@code path} with scheme and authority, e.g. {@code hdfs://nn:8020/ferry/jobs}. */
    String qualify(String path);

    /** The file or directory at {@code path}, if it exists. */
    Optional<FileEntry> status(String path);

    /** The entries of directory {@code dir}; empty if it does not exist. */
    List<FileEntry> list(String dir);

    /** The whole content of file {@code path}, if it exists. */
    Optional<byte[]> read(String path);

    /** Writes {@code path} whole: readers see the old content or the new, never half of it. */
    void write(String path, byte[] content);

    /** Creates {@code path} with {@code content} unless it exists; returns whether it did. */
    boolean createIfAbsent(String path, byte[] content);

    /** Renames {@code from} to {@code to} unless {@code to} exists or {@code from} is gone; returns whether it did. */
    boolean renameIfAbsent(String from, String to);

    /** Deletes the file {@code path}; returns whether it existed. */
    boolean delete(String path);

    /** Deletes {@code path} and, if it is a directory, everything under it; returns whether it existed. */
    boolean deleteTree(String path);

    /** Sets the modification time of {@code path} to now. */
    void touch(String path);

    /** Copies a local file to {@code target}, replacing it whole. */
    void upload(Path local, String target);

    /** Copies {@code path} to a local file, replacing it whole. */
    void download(String path, Path local);

    /** One entry of a listing or a status. */
    record FileEntry(String path, boolean directory, long modificationTime, long length) {

        /** The last path element. */
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
