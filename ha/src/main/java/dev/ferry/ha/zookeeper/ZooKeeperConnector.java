package dev.ferry.ha.zookeeper;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds a started, connected {@link CuratorFramework}, or fails within the connection timeout. */
public final class ZooKeeperConnector {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperConnector.class);
    private static final int BASE_RETRY_SLEEP_MS = 100;
    private static final int MAX_RETRY_SLEEP_MS = 1000;

    private ZooKeeperConnector() {}

    /**
     * Connects to {@code settings.quorum()}. The caller owns the returned client and closes it.
     *
     * @throws ZooKeeperUnavailableException when HA is off or no connection is made within the connection timeout
     */
    public static CuratorFramework connect(ZooKeeperSettings settings) {
        if (!settings.enabled()) {
            throw new ZooKeeperUnavailableException(
                    "ZooKeeper HA is off: set ferry.ha.zookeeper.quorum to host:port[,host:port...]");
        }
        CuratorFramework client = builder(settings).build();
        client.start();
        awaitConnection(client, settings);
        LOG.debug("Connected to ZooKeeper with {}", settings);
        return client;
    }

    private static CuratorFrameworkFactory.Builder builder(ZooKeeperSettings settings) {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(settings.quorum())
                .sessionTimeoutMs(toIntMillis(settings.sessionTimeout().toMillis()))
                .connectionTimeoutMs(toIntMillis(settings.connectionTimeout().toMillis()))
                // Bounded: a command must fail in seconds, not retry forever against a dead quorum.
                .retryPolicy(new BoundedExponentialBackoffRetry(
                        BASE_RETRY_SLEEP_MS, MAX_RETRY_SLEEP_MS, settings.retryAttempts()))
                .zkClientConfig(clientConfig());
        if (settings.hasCredential()) {
            builder.authorization(settings.authScheme(), settings.credential().getBytes(StandardCharsets.UTF_8))
                    .aclProvider(creatorOnly());
        }
        return builder;
    }

    /** Without Kerberos, the SASL attempt only adds a warning and a delay; Ferry authenticates with digest. */
    private static ZKClientConfig clientConfig() {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        return config;
    }

    /** Every znode this client creates is readable and writable only by the same credential. */
    private static ACLProvider creatorOnly() {
        return new ACLProvider() {
            @Override
            public List<ACL> getDefaultAcl() {
                return ZooDefs.Ids.CREATOR_ALL_ACL;
            }

            @Override
            public List<ACL> getAclForPath(String path) {
                return ZooDefs.Ids.CREATOR_ALL_ACL;
            }
        };
    }

    private static void awaitConnection(CuratorFramework client, ZooKeeperSettings settings) {
        long timeoutMs = settings.connectionTimeout().toMillis();
        boolean connected;
        try {
            connected = client.blockUntilConnected(toIntMillis(timeoutMs), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new ZooKeeperUnavailableException(
                    "Interrupted while connecting to ZooKeeper at '" + settings.quorum() + "'", e);
        }
        if (!connected) {
            closeInBackground(client);
            throw ZooKeeperUnavailableException.notConnected(settings.quorum(), timeoutMs);
        }
    }

    /**
     * Against a server that accepts connections and never answers, ZooKeeper's close() waits for
     * the reply to its close request until the client's own connect attempt times out (session
     * timeout / servers, 10 s by default): the command must not wait for that. Its threads are
     * daemons; the closer is one too.
     */
    private static void closeInBackground(CuratorFramework client) {
        Thread closer = new Thread(client::close, "zookeeper-close");
        closer.setDaemon(true);
        closer.start();
    }

    private static int toIntMillis(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }
}
