package dev.ferry.launcher.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Builds the {@link DistManifest} of a local distribution. Hashing ~100 MB of jars costs about
 * half a second, so checksums are cached per file path, size and modification time.
 */
public final class LocalDistScanner {

    /** The folders that make up what containers need from a distribution. */
    public static final List<String> STAGED_FOLDERS = List.of("lib", "plugins");

    private final Path home;
    private final Path cacheFile;

    public LocalDistScanner(Path home, Path cacheFile) {
        this.home = home;
        this.cacheFile = cacheFile;
    }

    public DistManifest scan() {
        Properties cache = loadCache();
        int cachedBefore = cache.size();
        List<DistManifest.Entry> entries = new ArrayList<>();
        for (String folder : STAGED_FOLDERS) {
            for (Path file : filesUnder(home.resolve(folder))) {
                entries.add(entryFor(file, cache));
            }
        }
        if (cache.size() != cachedBefore) {
            saveCache(cache);
        }
        return new DistManifest(entries);
    }

    private DistManifest.Entry entryFor(Path file, Properties cache) {
        try {
            long size = Files.size(file);
            String key = file.toAbsolutePath() + "|" + size + "|"
                    + Files.getLastModifiedTime(file).toMillis();
            String sha = cache.getProperty(key);
            if (sha == null) {
                sha = sha256(file);
                cache.setProperty(key, sha);
            }
            return new DistManifest.Entry(home.relativize(file).toString().replace('\\', '/'), size, sha);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** Reads the stream to its end and returns the hex SHA-256 of what it held. */
    static String sha256(InputStream in) throws IOException {
        MessageDigest sha = newSha256();
        byte[] buffer = new byte[1 << 16];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            sha.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Properties loadCache() {
        Properties cache = new Properties();
        if (Files.isRegularFile(cacheFile)) {
            try (InputStream in = Files.newInputStream(cacheFile)) {
                cache.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged cache only costs a re-hash.
                cache.clear();
            }
        }
        return cache;
    }

    private void saveCache(Properties cache) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Path temp = Files.createTempFile(cacheFile.getParent(), "checksums", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                cache.store(out, "Ferry: SHA-256 of distribution files by path|size|mtime");
            }
            Files.move(
                    temp,
                    cacheFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not being able to cache is not a reason to fail a command.
        }
    }
}
