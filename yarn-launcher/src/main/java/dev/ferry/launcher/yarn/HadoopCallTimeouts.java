package dev.ferry.launcher.yarn;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import java.time.Duration;
import java.util.Collection;

/**
 * Hadoop client settings under which a call to the ResourceManager or a NameNode ends within one
 * timeout, also when the server accepts the connection and never answers.
 *
 * <p>Hadoop's defaults bound only the connect: {@code ipc.client.rpc-timeout.ms} is 0, so a client
 * whose server went silent pings it forever. With an RPC timeout a silent server fails the call
 * with a SocketTimeoutException, which the ResourceManager proxy then retries
 * {@code max-wait / retry-interval} times and an HA NameNode proxy fails over up to 15 times, each
 * try costing the timeout again. So every server is tried once: a non-HA ResourceManager or
 * NameNode exactly once, HA ones once each, immediately one after the other, and the timeout is
 * shared between them.
 */
final class HadoopCallTimeouts {

    static final String RPC_TIMEOUT = "ipc.client.rpc-timeout.ms";
    static final String PING_INTERVAL = "ipc.ping.interval";
    static final String CONNECT_TIMEOUT = "ipc.client.connect.timeout";
    static final String HDFS_RETRY_POLICY = "dfs.client.retry.policy.enabled";
    static final String HDFS_FAILOVER_ATTEMPTS = "dfs.client.failover.max.attempts";
    static final String HDFS_FAILOVER_SLEEP_BASE = "dfs.client.failover.sleep.base.millis";
    static final String HDFS_FAILOVER_SLEEP_MAX = "dfs.client.failover.sleep.max.millis";

    /** Hadoop's own cap on a single connect; a shorter share of the timeout replaces it. */
    private static final long MAX_CONNECT_MS = 5000;
    /** Never slept (there is no retry): only compared with max-wait, and a divisor, so not 0. */
    private static final long RETRY_INTERVAL_MS = 1000;

    private HadoopCallTimeouts() {}

    /** Applies the settings to {@code conf}; each server gets {@code timeout} / (number of servers). */
    static void apply(Configuration conf, Duration timeout) {
        int servers = Math.max(1, Math.max(resourceManagers(conf), maxNameNodesPerNameservice(conf)));
        long perServerMs = Math.max(1, timeout.toMillis() / servers);

        conf.setLong(RPC_TIMEOUT, perServerMs);
        // The RPC timeout is rounded up to a multiple of the ping interval when it is longer.
        conf.setLong(PING_INTERVAL, Math.max(conf.getLong(PING_INTERVAL, 60_000), perServerMs));
        conf.setLong(CONNECT_TIMEOUT, Math.min(perServerMs, MAX_CONNECT_MS));
        conf.setInt("ipc.client.connect.max.retries", 0);
        conf.setInt("ipc.client.connect.max.retries.on.timeouts", 0);

        onceToTheResourceManager(conf);
        onceToEachNameNode(conf);
    }

    /**
     * Non-HA: the RM proxy tries once when max-wait is below the retry interval. HA: it fails over
     * until {@code yarn.client.failover-max-attempts}, by default max-wait / interval = 0, which
     * would give up at a standby ResourceManager: one failover per other ResourceManager.
     */
    private static void onceToTheResourceManager(Configuration conf) {
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, 0);
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, RETRY_INTERVAL_MS);
        if (resourceManagers(conf) > 1) {
            conf.setInt(YarnConfiguration.CLIENT_FAILOVER_MAX_ATTEMPTS, resourceManagers(conf) - 1);
            conf.setLong(YarnConfiguration.CLIENT_FAILOVER_SLEEPTIME_BASE_MS, 0);
            conf.setLong(YarnConfiguration.CLIENT_FAILOVER_SLEEPTIME_MAX_MS, 0);
        }
    }

    /** Non-HA: one try unless the retry policy is on. HA: one failover per other NameNode. */
    private static void onceToEachNameNode(Configuration conf) {
        conf.setBoolean(HDFS_RETRY_POLICY, false);
        int nameNodes = maxNameNodesPerNameservice(conf);
        if (nameNodes > 1) {
            conf.setInt(HDFS_FAILOVER_ATTEMPTS, nameNodes - 1);
            conf.setLong(HDFS_FAILOVER_SLEEP_BASE, 0);
            conf.setLong(HDFS_FAILOVER_SLEEP_MAX, 0);
        }
    }

    static int resourceManagers(Configuration conf) {
        if (!conf.getBoolean(YarnConfiguration.RM_HA_ENABLED, YarnConfiguration.DEFAULT_RM_HA_ENABLED)) {
            return 1;
        }
        return Math.max(
                1, conf.getTrimmedStringCollection(YarnConfiguration.RM_HA_IDS).size());
    }

    static int maxNameNodesPerNameservice(Configuration conf) {
        int max = 1;
        for (String nameservice : conf.getTrimmedStringCollection("dfs.nameservices")) {
            Collection<String> nameNodes = conf.getTrimmedStringCollection("dfs.ha.namenodes." + nameservice);
            max = Math.max(max, nameNodes.size());
        }
        return max;
    }
}
