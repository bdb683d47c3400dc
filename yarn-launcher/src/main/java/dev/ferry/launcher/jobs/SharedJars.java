package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The jars a team shares for SQL functions and connectors ({@code ferry jars}), by name in one
 * directory of the cluster file system; a script uses one with {@code ferry sql --jar PATH}, which
 * stores the job's own copy by content, so replacing or removing a shared jar never changes a job
 * that already runs or is resumed.
 */
public final class SharedJars {

    private final ClusterFiles files;
    private final String dir;

    public SharedJars(ClusterFiles files, String dir) {
        this.files = files;
        this.dir = dir;
    }

    /** The shared jars, by name. */
    public List<FileEntry> list() {
        return files.list(dir).stream()
                .filter(entry -> !entry.directory() && entry.name().endsWith(".jar"))
                .sorted(Comparator.comparing(FileEntry::name))
                .toList();
    }

    /**
     * Shares a local jar under its file name. A jar of that name with other bytes is replaced only
     * when {@code replace} is given; the same bytes again change nothing.
     */
    public FileEntry upload(Path local, boolean replace) {
        ArtifactStore.requireLocalJar(local);
        String target = files.qualify(dir + "/" + local.getFileName());
        if (files.status(target).isPresent() && !replace && !sameBytes(local, target)) {
            throw new FerryException(
                    ExitCode.CONFLICT,
                    "A different " + local.getFileName() + " is shared already (" + target + "): give --replace to"
                            + " replace it (jobs keep the copy they were started with), or rename the jar");
        }
        files.upload(local, target);
        return files.status(target).orElseThrow();
    }

    public void remove(String name) {
        String target = files.qualify(dir + "/" + name);
        if (!files.delete(target)) {
            throw new FerryException(
                    ExitCode.NOT_FOUND, "No shared jar is named '" + name + "': 'ferry jars list' shows them");
        }
    }

    /** Compares sizes first: reading a shared connector jar (tens of MB) only when they agree. */
    private boolean sameBytes(Path local, String target) {
        long size;
        try {
            size = Files.size(local);
        } catch (IOException e) {
            throw new FerryException(ExitCode.USAGE, "Cannot read " + local + ": " + e.getMessage(), e);
        }
        return files.status(target).filter(entry -> entry.length() == size).isPresent()
                && files.read(target).map(bytes -> equal(bytes, local)).orElse(false);
    }

    private static boolean equal(byte[] shared, Path local) {
        try {
            return Arrays.equals(shared, Files.readAllBytes(local));
        } catch (IOException e) {
            throw new FerryException(ExitCode.USAGE, "Cannot read " + local + ": " + e.getMessage(), e);
        }
    }
}
