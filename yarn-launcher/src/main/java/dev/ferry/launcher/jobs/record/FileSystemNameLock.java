package dev.ferry.launcher.jobs.record;

import dev.ferry.ha.lock.LockHolder;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.files.ClusterFiles.FileEntry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A job name held by one gateway, as a lock file on the cluster file system, for when there is no
 * ZooKeeper. Creating a file that does not exist yet is atomic there, so exactly one gateway
 * creates it. The file system has no ephemeral files (ZooKeeper's lock goes with its holder's
 * session), so the holder keeps the file's modification time fresh, and a lock file older than
 * {@link #LEASE} was left by a command that died: the next one moves it aside and takes the name.
 * Hand-written because Hadoop offers no lock recipe for its file systems.
 */
final class FileSystemNameLock implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemNameLock.class);
    private static final Duration RENEW_EVERY = LEASE.dividedBy(4);
    private static final long POLL_MILLIS = 200;

    private final ClusterFiles files;
    private final String path;
    private final ScheduledExecutorService renewer;

    private FileSystemNameLock(ClusterFiles files, String path) {
        this.files = files;
        this.path = path;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ferry-lock-renewer");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleWithFixedDelay(
                this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes job name {@code name} by creating {@code <lockDir>/<name>.lock}, waiting at most
     * {@code timeout} for another holder to let go.
     *
     * @throws FerryException CONFLICT naming the holder when it keeps the name past the timeout
     */
    static FileSystemNameLock acquire(ClusterFiles files, String lockDir, String name, Duration timeout, Clock clock) {
        String path = lockDir + "/" + name + ".lock";
        byte[] holder = LockHolder.current().toBytes();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (files.createIfAbsent(path, holder)) {
                return new FileSystemNameLock(files, path);
            }
            Optional<FileEntry> lock = files.status(path);
            if (lock.isPresent() && isStale(lock.get(), clock)) {
                takeOverStale(files, path, clock);
            } else if (System.nanoTime() >= deadline) {
                throw held(name, files.read(path).flatMap(LockHolder::fromBytes));
            } else {
                pause();
            }
        }
    }

    /**
     * Moves a stale lock aside before deleting it, so that of two gateways that found it stale only
     * one takes it. If the file moved aside turns out fresh (another gateway took the name between
     * the check and the move), it is put back.
     */
    private static void takeOverStale(ClusterFiles files, String path, Clock clock) {
        String aside = path + ".stale-" + UUID.randomUUID();
        if (!files.renameIfAbsent(path, aside)) {
            return;
        }
        boolean stale = files.status(aside).map(entry -> isStale(entry, clock)).orElse(true);
        if (stale || !files.renameIfAbsent(aside, path)) {
            LOG.info("Removed a job name lock left by a command that stopped renewing it: {}", path);
            files.delete(aside);
        }
    }

    private static boolean isStale(FileEntry lock, Clock clock) {
        return clock.millis() - lock.modificationTime() > LEASE.toMillis();
    }

    private void renew() {
        try {
            files.touch(path);
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the job name lock {}; another gateway may take it after {}", path, LEASE, e);
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            files.delete(path);
        } catch (RuntimeException e) {
            LOG.warn("Could not release the job name lock {}; it expires after {}", path, LEASE, e);
        }
    }

    private static FerryException held(String name, Optional<LockHolder> holder) {
        return new FerryException(
                ExitCode.CONFLICT,
                "Job '" + name + "' is held by "
                        + holder.map(LockHolder::describe).orElse("another command")
                        + ", which is starting, stopping or changing it: wait for it to finish and retry"
                        + " (a lock left by a command that died expires after " + LEASE.toSeconds() + " s)");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while waiting for a job name lock", e);
        }
    }
}
