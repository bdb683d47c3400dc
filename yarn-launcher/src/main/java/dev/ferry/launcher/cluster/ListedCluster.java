package dev.ferry.launcher.cluster;

/**
 * A cluster in {@code ferry session list}: what YARN says, and how the registry agrees.
 *
 * @param registry null when there is no registry (no ZooKeeper HA), or for an ended cluster that
 *     is (rightly) no longer registered
 */
public record ListedCluster(ClusterView view, RegistryState registry) {}
