package dev.ferry.launcher.files;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.ipc.RemoteException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link ClusterFiles} on Hadoop's file system client, for the default file system of a Hadoop
 * configuration. The configuration is resolved, and the client opened, on the first call: a
 * command checks its input before it contacts the cluster.
 */
public final class HadoopClusterFiles implements ClusterFiles {

    private final Supplier<Configuration> hadoopConf;
    private FileSystem fs;
    private FileContext files;

    public HadoopClusterFiles(Supplier<Configuration> hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    private synchronized FileSystem fs() {
        if (fs == null) {
            Configuration conf = hadoopConf.get();
            try {
                fs = FileSystem.get(conf);
                files = FileContext.getFileContext(conf);
            } catch (IOException e) {
                throw new FerryException(
                        ExitCode.UNAVAILABLE,
                        "Cannot reach the cluster file system " + FileSystem.getDefaultUri(conf) + ": "
                                + FerryException.firstLine(e.getMessage()),
                        e);
            }
        }
        return fs;
    }

    private FileContext files() {
        fs();
        return files;
    }

    @Override
    public String qualify(String path) {
        return fs().makeQualified(new Path(path)).toString();
    }

    @Override
    public Optional<FileEntry> status(String path) {
        return io("read", path, () -> {
            try {
                return Optional.of(entry(fs().getFileStatus(new Path(path))));
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<FileEntry> list(String dir) {
        return io("list", dir, () -> {
            List<FileEntry> entries = new ArrayList<>();
            try {
                for (FileStatus status : fs().listStatus(new Path(dir))) {
                    entries.add(entry(status));
                }
            } catch (FileNotFoundException e) {
                return entries;
            }
            return entries;
        });
    }

    @Override
    public Optional<byte[]> read(String path) {
        return io("read", path, () -> {
            try (FSDataInputStream in = fs().open(new Path(path))) {
                return Optional.of(in.readAllBytes());
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void write(String path, byte[] content) {
        Path target = new Path(path);
        Path temporary = temporaryBeside(target);
        io("write", path, () -> {
            try {
                writeNew(temporary, content);
                files().rename(temporary, target, Options.Rename.OVERWRITE);
                return null;
            } finally {
                deleteQuietly(temporary);
            }
        });
    }

    @Override
    public boolean createIfAbsent(String path, byte[] content) {
        return io("create", path, () -> {
            try {
                writeNew(new Path(path), content);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (RemoteException e) {
                // HDFS: another client is creating the file this moment (it holds the file's lease).
                if (e.getClassName().endsWith(".AlreadyBeingCreatedException")) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean renameIfAbsent(String from, String to) {
        return io("rename", from, () -> {
            try {
                files().rename(new Path(from), new Path(to), Options.Rename.NONE);
                return true;
            } catch (FileAlreadyExistsException | FileNotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public boolean delete(String path) {
        return io("delete", path, () -> fs().delete(new Path(path), false));
    }

    @Override
    public boolean deleteTree(String path) {
        return io("delete", path, () -> fs().delete(new Path(path), true));
    }

    @Override
    public void touch(String path) {
        io("touch", path, () -> {
            fs().setTimes(new Path(path), System.currentTimeMillis(), -1);
            return null;
        });
    }

    @Override
    public void upload(java.nio.file.Path local, String target) {
        Path remote = new Path(target);
        Path temporary = temporaryBeside(remote);
        io("upload " + local + " to", target, () -> {
            try {
                fs().copyFromLocalFile(false, true, new Path(local.toUri()), temporary);
                files().rename(temporary, remote, Options.Rename.OVERWRITE);
                return null;
            } finally {
                deleteQuietly(temporary);
            }
        });
    }

    @Override
    public void download(String path, java.nio.file.Path local) {
        io("download", path, () -> {
            Files.createDirectories(local.toAbsolutePath().getParent());
            java.nio.file.Path temporary =
                    Files.createTempFile(local.toAbsolutePath().getParent(), ".download", ".tmp");
            try (InputStream in = fs().open(new Path(path))) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return null;
        });
    }

    private void writeNew(Path path, byte[] content) throws IOException {
        fs().mkdirs(path.getParent());
        try (FSDataOutputStream out = fs().create(path, false)) {
            out.write(content);
        }
    }

    private FileEntry entry(FileStatus status) {
        return new FileEntry(
                fs().makeQualified(status.getPath()).toString(),
                status.isDirectory(),
                status.getModificationTime(),
                status.getLen());
    }

    private static Path temporaryBeside(Path target) {
        return new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    }

    private void deleteQuietly(Path path) {
        try {
            fs().delete(path, false);
        } catch (IOException ignored) {
            // Only a leftover temporary file under a name no one reads.
        }
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    private <T> T io(String action, String path, Io<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE,
                    "Cannot " + action + " " + path + " on the cluster file system: "
                            + FerryException.firstLine(String.valueOf(e.getMessage()))
                            + " (check that it is up and that you may write there)",
                    e);
        }
    }
}
