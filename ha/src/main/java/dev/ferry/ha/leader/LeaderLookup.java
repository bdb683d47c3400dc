package dev.ferry.ha.leader;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

import java.util.Optional;

import static dev.ferry.ha.zookeeper.ZooKeeperCalls.call;

/** Finds the current leaders of a Flink cluster from its znodes, without talking to Flink. */
public final class LeaderLookup {

    /** Flink's default {@code high-availability.zookeeper.path.root}. */
    public static final String DEFAULT_FLINK_ROOT = "/flink";

    private final CuratorFramework client;
    private final String flinkRoot;

    /** @param flinkRoot Flink's {@code high-availability.zookeeper.path.root} */
    public LeaderLookup(CuratorFramework client, String flinkRoot) {
        this.client = client;
        this.flinkRoot = flinkRoot;
    }

    /** The REST endpoint's leader: its address is the cluster's REST URL. */
    public Optional<LeaderInfo> restServer(String clusterId) {
        return leader(clusterId, LeaderComponent.REST_SERVER);
    }

    /** The leader of {@code component}, or empty when there is none (no node, or Flink cleared it). */
    public Optional<LeaderInfo> leader(String clusterId, LeaderComponent component) {
        String path = connectionInfoPath(clusterId, component);
        byte[] data = call(client, path, () -> {
            try {
                return client.getData().forPath(path);
            } catch (KeeperException.NoNodeException e) {
                return null;
            }
        });
        return LeaderInfoDecoder.decode(path, data);
    }

    /** {@code <flinkRoot>/<clusterId>/leader/<component>/connection_info}, as in Flink 1.20. */
    public String connectionInfoPath(String clusterId, LeaderComponent component) {
        return ZKPaths.makePath(flinkRoot, clusterId, "leader", component.znode(), "connection_info");
    }
}
