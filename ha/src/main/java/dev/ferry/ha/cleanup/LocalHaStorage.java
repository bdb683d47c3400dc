package dev.ferry.ha.cleanup;

import dev.ferry.ha.HaException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** {@link HaStorage} over a local directory: for tests and for a storageDir on a shared local mount. */
public final class LocalHaStorage implements HaStorage {

    /** Flink 1.20's job result store keeps one directory per cluster id below this one. */
    public static final String JOB_RESULT_STORE = "job-result-store";

    private final Path storageDir;

    public LocalHaStorage(Path storageDir) {
        this.storageDir = storageDir;
    }

    @Override
    public Set<String> list() {
        Set<String> ids = new TreeSet<>(directoryNames(storageDir));
        ids.remove(JOB_RESULT_STORE);
        ids.addAll(directoryNames(storageDir.resolve(JOB_RESULT_STORE)));
        return ids;
    }

    @Override
    public long sizeOf(String clusterId) {
        return locations(clusterId).stream().mapToLong(LocalHaStorage::treeSize).sum();
    }

    @Override
    public void delete(String clusterId) {
        locations(clusterId).forEach(LocalHaStorage::deleteTree);
    }

    private List<Path> locations(String clusterId) {
        if (clusterId.isEmpty()
                || clusterId.contains("/")
                || clusterId.equals(JOB_RESULT_STORE)
                || clusterId.startsWith(".")) {
            throw new IllegalArgumentException("Invalid cluster id '" + clusterId + "' for HA storage " + storageDir);
        }
        return List.of(
                storageDir.resolve(clusterId),
                storageDir.resolve(JOB_RESULT_STORE).resolve(clusterId));
    }

    private static Set<String> directoryNames(Path dir) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isDirectory)
                    .forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new HaException("Cannot list HA storage dir " + dir + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static long treeSize(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(LocalHaStorage::size)
                    .sum();
        } catch (IOException e) {
            throw new HaException("Cannot measure " + root + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // Deepest first, so every directory is empty when its turn comes.
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new HaException("Cannot delete " + root + ": " + e.getMessage() + "; check its permissions", e);
        }
    }
}
