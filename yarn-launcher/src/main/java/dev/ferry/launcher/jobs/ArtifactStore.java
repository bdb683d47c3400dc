package dev.ferry.launcher.jobs;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;

import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Job artifacts (jars, SQL scripts) on the cluster file system, keyed by content: a resume or a
 * restart from any gateway finds the exact bytes the job was started with. Uploading the same
 * file twice stores it once.
 */
public final class ArtifactStore {

    private final FileSystem fs;
    private final FileContext files;
    private final Path dir;
    private final java.nio.file.Path localCache;

    public ArtifactStore(org.apache.hadoop.conf.Configuration hadoopConf, String dir, java.nio.file.Path localCache) {
        try {
            this.fs = FileSystem.get(hadoopConf);
            this.files = FileContext.getFileContext(hadoopConf);
            this.dir = fs.makeQualified(new Path(dir));
        } catch (IOException e) {
            throw failure("reach the cluster file system for " + dir, e);
        }
        this.localCache = localCache;
    }

    /** Stores a local file; returns its URI on the cluster file system. */
    public String upload(java.nio.file.Path local) {
        String digest = sha256(local);
        Path target = new Path(new Path(dir, digest), local.getFileName().toString());
        try {
            if (!fs.exists(target)) {
                Path temporary = new Path(target.getParent(), "." + UUID.randomUUID() + ".tmp");
                fs.copyFromLocalFile(false, true, new Path(local.toUri()), temporary);
                // Two gateways uploading the same bytes at once write the same content: last rename wins.
                files.rename(temporary, target, Options.Rename.OVERWRITE);
            }
            return target.toString();
        } catch (IOException e) {
            throw failure("upload " + local + " to " + dir, e);
        }
    }

    /** A local copy of a stored artifact, downloaded once per gateway. */
    public java.nio.file.Path fetch(String artifact) {
        Path remote = new Path(artifact);
        java.nio.file.Path local =
                localCache.resolve(remote.getParent().getName()).resolve(remote.getName());
        if (Files.isRegularFile(local)) {
            return local;
        }
        try {
            Files.createDirectories(local.getParent());
            java.nio.file.Path temporary = Files.createTempFile(local.getParent(), ".download", ".tmp");
            try (InputStream in = fs.open(remote)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return local;
        } catch (IOException e) {
            throw failure("download " + artifact, e);
        }
    }

    /** The text of a stored SQL script. */
    public String readText(String artifact) {
        try {
            return Files.readString(fetch(artifact));
        } catch (IOException e) {
            throw failure("read " + artifact, e);
        }
    }

    private static String sha256(java.nio.file.Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest())
                    .substring(0, 32);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new FerryException(ExitCode.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static FerryException failure(String what, IOException e) {
        return new FerryException(
                ExitCode.UNAVAILABLE,
                "Cannot " + what + ": " + FerryException.firstLine(String.valueOf(e.getMessage()))
                        + " (check the cluster file system, or set ferry.jobs.artifacts-dir)",
                e);
    }
}
