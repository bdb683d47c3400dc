package dev.ferry.ha.lock;

import dev.ferry.ha.zookeeper.HaPaths;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.ferry.ha.zookeeper.ZooKeeperCalls.call;

/**
 * Serialises commands on one cluster name ({@code <root>/locks/<name>}) or job name ({@code
 * <root>/job-locks/<name>}) across machines. The lock node is ephemeral: it goes with the holder's
 * ZooKeeper session, so a crashed command can't block forever.
 */
public final class NameLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NameLock.class);

    private final LockedName name;
    private final String path;
    private final InterProcessMutex mutex;

    private NameLock(LockedName name, String path, InterProcessMutex mutex) {
        this.name = name;
        this.path = path;
        this.mutex = mutex;
    }

    /** Acquires the lock for this process, waiting at most {@code timeout}. */
    public static NameLock acquire(CuratorFramework client, HaPaths paths, LockedName name, Duration timeout) {
        return acquire(client, paths, name, timeout, LockHolder.current());
    }

    /**
     * Acquires the lock as {@code holder}, waiting at most {@code timeout}.
     *
     * @throws LockTimeoutException naming the current holder when the wait times out
     */
    public static NameLock acquire(
            CuratorFramework client, HaPaths paths, LockedName name, Duration timeout, LockHolder holder) {
        String path = name.path(paths);
        InterProcessMutex mutex = new IdentifiedMutex(client, path, holder.toBytes());
        boolean acquired = call(client, path, () -> mutex.acquire(timeout.toMillis(), TimeUnit.MILLISECONDS));
        if (!acquired) {
            throw new LockTimeoutException(name, currentHolder(client, mutex, path));
        }
        LOG.debug("Locked {} as {}", name, holder.describe());
        return new NameLock(name, path, mutex);
    }

    /** The holder of the lock on {@code name}, if anyone holds it. */
    public static Optional<LockHolder> holder(CuratorFramework client, HaPaths paths, LockedName name) {
        String path = name.path(paths);
        return currentHolder(client, new InterProcessMutex(client, path), path);
    }

    public boolean isHeld() {
        return mutex.isAcquiredInThisProcess();
    }

    /**
     * Releases the lock; call it on the thread that acquired it (Curator's mutex is thread-bound). If the
     * session was lost, ZooKeeper already dropped the node: nothing to do.
     */
    @Override
    public void close() {
        try {
            mutex.release();
            LOG.debug("Unlocked {}", name);
        } catch (IllegalMonitorStateException e) {
            // Released already (close called twice, or from another thread than acquire).
            LOG.debug("Lock on {} was not held by this thread", name);
        } catch (Exception e) {
            LOG.warn("Could not release lock {} ({}); it goes when this ZooKeeper session ends", path, e.toString());
        }
    }

    /** The first participant (lowest sequence number) is the holder; its node carries a {@link LockHolder}. */
    private static Optional<LockHolder> currentHolder(CuratorFramework client, InterProcessMutex mutex, String path) {
        return call(client, path, () -> {
            Collection<String> participants;
            try {
                participants = mutex.getParticipantNodes();
            } catch (KeeperException.NoNodeException e) {
                return Optional.<LockHolder>empty();
            }
            for (String node : participants) {
                try {
                    return LockHolder.fromBytes(client.getData().forPath(node));
                } catch (KeeperException.NoNodeException e) {
                    // Released between listing and reading: the next one in line holds it now.
                    continue;
                }
            }
            return Optional.<LockHolder>empty();
        });
    }

    /** Curator's mutex with the holder's identity as the lock node's data. */
    private static final class IdentifiedMutex extends InterProcessMutex {
        private final byte[] holderBytes;

        IdentifiedMutex(CuratorFramework client, String path, byte[] holderBytes) {
            super(client, path);
            this.holderBytes = holderBytes;
        }

        @Override
        protected byte[] getLockNodeBytes() {
            return holderBytes;
        }
    }

    @Override
    public String toString() {
        return "NameLock[" + name + (isHeld() ? ", held" : ", released") + "]";
    }
}
