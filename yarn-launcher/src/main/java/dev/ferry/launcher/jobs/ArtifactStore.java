package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Job artifacts (jars, SQL scripts) on the cluster file system, keyed by content: a resume or a
 * restart from any gateway finds the exact bytes the job was started with. Uploading the same
 * file twice stores it once.
 */
public final class ArtifactStore {

    /** A URI with a scheme other than {@code file:}, e.g. {@code hdfs:///jars/udf.jar}. */
    private static final Pattern CLUSTER_URI = Pattern.compile("(?!file:)[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private final ClusterFiles files;
    private final String dir;
    private final Path localCache;

    public ArtifactStore(ClusterFiles files, String dir, Path localCache) {
        this.files = files;
        this.dir = dir;
        this.localCache = localCache;
    }

    /** Stores a local file; returns its URI on the cluster file system. */
    public String upload(Path local) {
        String target = files.qualify(dir + "/" + sha256(local) + "/" + local.getFileName());
        // Two gateways uploading the same bytes at once write the same content: either whole copy wins.
        if (files.status(target).isEmpty()) {
            files.upload(local, target);
        }
        return target;
    }

    /**
     * A jar a SQL job's functions or connectors come from ({@code --jar}): a local file is checked
     * to be a jar and stored like any artifact; a cluster URI is checked to exist and kept as it is.
     * Returns the URI every run of the job adds.
     */
    public String storeJar(String pathOrUri) {
        if (CLUSTER_URI.matcher(pathOrUri).matches()) {
            String qualified = files.qualify(pathOrUri);
            if (files.status(qualified).isEmpty()) {
                throw new FerryException(
                        ExitCode.USAGE,
                        "Jar " + pathOrUri + " does not exist on the cluster file system: give the path of a jar"
                                + " file; nothing was submitted");
            }
            return qualified;
        }
        Path local = pathOrUri.startsWith("file:") ? Path.of(URI.create(pathOrUri)) : Path.of(pathOrUri);
        requireLocalJar(local);
        return upload(local);
    }

    /** Fails in one line unless {@code local} is an existing, readable jar (zip) file. */
    static void requireLocalJar(Path local) {
        if (!Files.isRegularFile(local)) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "Jar file " + local + " does not exist: give the path of a jar file; nothing was submitted");
        }
        try (ZipFile zip = new ZipFile(local.toFile())) {
            zip.size();
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.USAGE,
                    local + " is not a jar file (" + e.getMessage() + "): give a jar of classes; nothing was submitted",
                    e);
        }
    }

    /** A local copy of a stored artifact, downloaded once per gateway. */
    public Path fetch(String artifact) {
        String[] parts = artifact.split("/");
        Path local = localCache.resolve(parts[parts.length - 2]).resolve(parts[parts.length - 1]);
        if (!Files.isRegularFile(local)) {
            files.download(artifact, local);
        }
        return local;
    }

    /** The text of a stored SQL script. */
    public String readText(String artifact) {
        Path local = fetch(artifact);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(local)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FerryException(ExitCode.FAILURE, "Stored script " + artifact + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new FerryException(ExitCode.FAILURE, "Cannot read " + local + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest())
                    .substring(0, 32);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new FerryException(ExitCode.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
