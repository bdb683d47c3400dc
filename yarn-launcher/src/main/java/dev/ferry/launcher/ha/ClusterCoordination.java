package dev.ferry.launcher.ha;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What gateways share about named clusters: a lock per name, so two operators cannot start the
 * same name or stop a cluster that is still starting, a registry of clusters, and where the
 * current JobManager leader is. With ZooKeeper HA it lives in ZooKeeper; without a quorum
 * there is nothing shared beyond YARN itself.
 */
public interface ClusterCoordination {

    /** Without a ZooKeeper quorum: YARN's application list is the only shared state. */
    ClusterCoordination YARN_ONLY = new ClusterCoordination() {
        @Override
        public <T> T underNameLock(String name, Supplier<T> action) {
            return action.get();
        }

        @Override
        public void registered(RegisteredCluster cluster) {}

        @Override
        public void unregistered(String name) {}

        @Override
        public boolean unregistered(String name, String applicationId) {
            return false;
        }

        @Override
        public Optional<List<RegistryEntry>> registry() {
            return Optional.empty();
        }

        @Override
        public Optional<String> leaderRestAddress(String applicationId) {
            return Optional.empty();
        }
    };

    /** Runs {@code action} holding the lock of cluster {@code name}, across gateways. */
    <T> T underNameLock(String name, Supplier<T> action);

    /** Records a cluster that has just started, replacing a stale record of the same name. */
    void registered(RegisteredCluster cluster);

    /** Forgets a cluster that has ended. */
    void unregistered(String name);

    /**
     * Forgets cluster {@code name} only if the registry still names {@code applicationId} for it,
     * so a newer start of the same name is never forgotten; call it under the name lock.
     *
     * @return whether an entry was removed
     */
    boolean unregistered(String name, String applicationId);

    /** Every registered cluster; empty when there is no shared registry (no ZooKeeper HA). */
    Optional<List<RegistryEntry>> registry();

    /** The REST address the current JobManager leader published, if any. */
    Optional<String> leaderRestAddress(String applicationId);
}
