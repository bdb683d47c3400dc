package dev.ferry.launcher.staging;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Stages a distribution's lib/ and plugins/ once per build on the cluster file system.
 *
 * <p>Safe when several gateways run it at once: each uploads into a private temporary
 * directory, verifies every file's checksum by reading it back, and then renames it into
 * place atomically; the loser of a race discards its copy and uses the winner's.
 */
public final class DistStager {

    private static final Logger LOG = LoggerFactory.getLogger(DistStager.class);

    static final String MANIFEST_FILE = "MANIFEST";

    private final Configuration hadoopConf;
    private final java.nio.file.Path home;
    private final String stagingDir;
    private final String version;
    private final LocalDistScanner scanner;

    public DistStager(
            Configuration hadoopConf,
            java.nio.file.Path home,
            String stagingDir,
            String version,
            LocalDistScanner scanner) {
        this.hadoopConf = hadoopConf;
        this.home = home;
        this.stagingDir = stagingDir;
        this.version = version;
        this.scanner = scanner;
    }

    /** The staged copy of this distribution, if {@link #upload()} has made one. */
    public Optional<StagedDist> find() {
        DistManifest local = scanner.scan();
        try {
            FileSystem fs = stagingFileSystem();
            Path target = fs.makeQualified(targetDir(local));
            return readManifest(fs, target).filter(local::equals).map(m -> new StagedDist(target.toString(), m, 0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The libraries for a deploy: the staged copy of this build; when there is none, with {@code
     * stageIfMissing}, staged now (safe when other gateways do it at once), else shipped. A
     * failure to stage is not the deploy's: it ships lib/ and says why.
     */
    public DeployLibraries forDeploy(boolean stageIfMissing) {
        Optional<StagedDist> found = find();
        if (found.isPresent()) {
            return DeployLibraries.found(found.get());
        }
        if (!stageIfMissing) {
            return DeployLibraries.shipped(
                    "shipped from lib/ (ferry.staging.auto is off: run 'ferry dist upload' once to stage them)");
        }
        try {
            StagedDist staged = upload();
            return staged.wasAlreadyStaged() ? DeployLibraries.found(staged) : DeployLibraries.stagedNow(staged);
        } catch (FerryException e) {
            LOG.warn("Staging the distribution failed; this deploy ships lib/", e);
            return DeployLibraries.shipped("shipped from lib/: staging them failed (" + e.getMessage() + ")");
        }
    }

    /** Stages this distribution unless an identical copy is staged already. */
    public StagedDist upload() {
        DistManifest local = scanner.scan();
        Path target = targetDir(local);
        try {
            FileSystem fs = stagingFileSystem();
            target = fs.makeQualified(target);
            Optional<DistManifest> existing = readManifest(fs, target);
            if (existing.isPresent()) {
                return verifiedExisting(fs, target, local, existing.get());
            }
            Path temp = new Path(target.getParent(), ".tmp-" + target.getName() + "-" + UUID.randomUUID());
            try {
                copyAndVerify(fs, temp, local);
                if (!moveIntoPlace(temp, target)) {
                    fs.delete(temp, true);
                    return verifiedExisting(
                            fs, target, local, readManifest(fs, target).orElseThrow());
                }
            } finally {
                if (fs.exists(temp)) {
                    fs.delete(temp, true);
                }
            }
            return new StagedDist(target.toString(), local, local.totalBytes());
        } catch (AccessControlException e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "No permission to write " + target + " (" + FerryException.firstLine(e.getMessage())
                            + "): ask your Hadoop admin to run 'ferry dist upload', or set ferry.staging.dir to a directory you own",
                    e);
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Staging to " + target + " failed: " + FerryException.firstLine(e.getMessage()),
                    e);
        }
    }

    private FileSystem stagingFileSystem() throws IOException {
        return new Path(stagingDir).getFileSystem(hadoopConf);
    }

    private Path targetDir(DistManifest manifest) {
        return new Path(stagingDir, version + "-" + manifest.digest());
    }

    private StagedDist verifiedExisting(FileSystem fs, Path target, DistManifest local, DistManifest staged)
            throws IOException {
        if (!staged.equals(local)) {
            throw new FerryException(
                    ExitCode.CONFLICT,
                    target
                            + " holds a different distribution than this one: remove it, or set ferry.staging.dir elsewhere");
        }
        return new StagedDist(target.toString(), local, 0);
    }

    private void copyAndVerify(FileSystem fs, Path temp, DistManifest manifest) throws IOException {
        // Flink registers staged files as PUBLIC YARN resources: everyone must be able to read them.
        FsPermission publicDir = new FsPermission((short) 0755);
        FsPermission publicFile = new FsPermission((short) 0644);
        fs.mkdirs(temp, publicDir);
        fs.setPermission(temp, publicDir);
        for (DistManifest.Entry entry : manifest.entries()) {
            Path remote = new Path(temp, entry.path());
            fs.mkdirs(remote.getParent(), publicDir);
            fs.copyFromLocalFile(
                    false, true, new Path(home.resolve(entry.path()).toUri()), remote);
            fs.setPermission(remote, publicFile);
            verifyChecksum(fs, remote, entry);
        }
        setPermissionsRecursively(fs, temp, publicDir);
        try (FSDataOutputStream out = fs.create(new Path(temp, MANIFEST_FILE), false)) {
            out.write(manifest.render().getBytes(StandardCharsets.UTF_8));
        }
        fs.setPermission(new Path(temp, MANIFEST_FILE), publicFile);
    }

    private static void setPermissionsRecursively(FileSystem fs, Path dir, FsPermission dirPermission)
            throws IOException {
        for (var status : fs.listStatus(dir)) {
            if (status.isDirectory()) {
                fs.setPermission(status.getPath(), dirPermission);
                setPermissionsRecursively(fs, status.getPath(), dirPermission);
            }
        }
    }

    private static void verifyChecksum(FileSystem fs, Path remote, DistManifest.Entry entry) throws IOException {
        try (FSDataInputStream in = fs.open(remote)) {
            String actual = LocalDistScanner.sha256(in);
            if (!actual.equals(entry.sha256())) {
                throw new IOException("checksum mismatch after upload of " + entry.path() + " (expected "
                        + entry.sha256() + ", read back " + actual + ")");
            }
        }
    }

    /** Atomic rename that refuses to overwrite; false if another gateway staged first. */
    private boolean moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            FileContext.getFileContext(target.toUri(), hadoopConf).rename(temp, target, Options.Rename.NONE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static Optional<DistManifest> readManifest(FileSystem fs, Path dir) throws IOException {
        Path file = new Path(dir, MANIFEST_FILE);
        if (!fs.exists(file)) {
            return Optional.empty();
        }
        try (FSDataInputStream in = fs.open(file)) {
            return DistManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
