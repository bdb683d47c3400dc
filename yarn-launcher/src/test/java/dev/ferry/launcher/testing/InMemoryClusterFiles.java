package dev.ferry.launcher.testing;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cluster file system in memory: files by qualified path, directories implied by the files below
 * them (as on an object store), modification times from a {@link TestClock}. Qualified paths start
 * with {@value #ROOT}; a path without scheme and authority is on it, as on {@code fs.defaultFS}.
 */
public final class InMemoryClusterFiles implements ClusterFiles {

    public static final String ROOT = "hdfs://nn:8020";

    private record File(byte[] content, long modificationTime) {}

    private final TreeMap<String, File> files = new TreeMap<>();
    private final TestClock clock;
    private final AtomicBoolean down = new AtomicBoolean();

    public InMemoryClusterFiles(TestClock clock) {
        this.clock = clock;
    }

    /** From now on every call fails as an unreachable NameNode does. */
    public void goDown() {
        down.set(true);
    }

    /** Writes a file as a job or Flink would, outside Ferry. */
    public synchronized void put(String path, String content) {
        files.put(qualify(path), new File(content.getBytes(), clock.millis()));
    }

    /** Whether a file or directory exists at {@code path}. */
    public boolean exists(String path) {
        return status(path).isPresent();
    }

    @Override
    public String qualify(String path) {
        String bare = path.replaceFirst("^hdfs://[^/]*", "");
        return ROOT + (bare.startsWith("/") ? bare : "/" + bare);
    }

    @Override
    public synchronized Optional<FileEntry> status(String path) {
        available();
        String qualified = qualify(path);
        File file = files.get(qualified);
        if (file != null) {
            return Optional.of(new FileEntry(qualified, false, file.modificationTime(), file.content().length));
        }
        String prefix = qualified + "/";
        return files.tailMap(prefix).entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new FileEntry(qualified, true, e.getValue().modificationTime(), 0))
                .findFirst();
    }

    @Override
    public synchronized List<FileEntry> list(String dir) {
        available();
        String prefix = qualify(dir) + "/";
        TreeMap<String, FileEntry> children = new TreeMap<>();
        files.tailMap(prefix).forEach((path, file) -> {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int slash = rest.indexOf('/');
                String child = prefix + (slash < 0 ? rest : rest.substring(0, slash));
                children.putIfAbsent(
                        child, new FileEntry(child, slash >= 0, file.modificationTime(), file.content().length));
            }
        });
        return new ArrayList<>(children.values());
    }

    @Override
    public synchronized Optional<byte[]> read(String path) {
        available();
        return Optional.ofNullable(files.get(qualify(path))).map(File::content);
    }

    @Override
    public synchronized void write(String path, byte[] content) {
        available();
        files.put(qualify(path), new File(content.clone(), clock.millis()));
    }

    @Override
    public synchronized boolean createIfAbsent(String path, byte[] content) {
        available();
        return files.putIfAbsent(qualify(path), new File(content.clone(), clock.millis())) == null;
    }

    @Override
    public synchronized boolean renameIfAbsent(String from, String to) {
        available();
        String source = qualify(from);
        String target = qualify(to);
        if (!files.containsKey(source) || files.containsKey(target)) {
            return false;
        }
        files.put(target, files.remove(source));
        return true;
    }

    @Override
    public synchronized boolean delete(String path) {
        available();
        return files.remove(qualify(path)) != null;
    }

    @Override
    public synchronized boolean deleteTree(String path) {
        available();
        String root = qualify(path);
        boolean existed = files.remove(root) != null;
        existed |= files.subMap(root + "/", root + "/\uffff").keySet().removeIf(name -> true);
        return existed;
    }

    @Override
    public synchronized void touch(String path) {
        available();
        File file = files.get(qualify(path));
        if (file == null) {
            throw new FerryException(ExitCode.UNAVAILABLE, "Cannot touch " + path + ": no such file");
        }
        files.put(qualify(path), new File(file.content(), clock.millis()));
    }

    @Override
    public void upload(Path local, String target) {
        try {
            write(target, Files.readAllBytes(local));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void download(String path, Path local) {
        byte[] content = read(path).orElseThrow(() -> new FerryException(ExitCode.UNAVAILABLE, "No file " + path));
        try {
            Files.createDirectories(local.toAbsolutePath().getParent());
            Files.write(local, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void available() {
        if (down.get()) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE, "Cannot reach the cluster file system " + ROOT + ": Connection refused");
        }
    }
}
