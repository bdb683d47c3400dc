package dev.ferry.ha;

import org.apache.flink.configuration.ConfigOption;

import java.time.Duration;

import static org.apache.flink.configuration.ConfigOptions.key;

/** Every option of Ferry's HA layer, in one place. Flink's own HA options stay in Flink's namespace. */
public final class HaOptions {

    public static final ConfigOption<String> ZOOKEEPER_QUORUM = key("ferry.ha.zookeeper.quorum")
            .stringType()
            .defaultValue("")
            .withDescription(
                    "ZooKeeper quorum (host:port,host:port) for Ferry's registry and locks; empty turns HA off.");

    public static final ConfigOption<String> ZOOKEEPER_ROOT = key("ferry.ha.zookeeper.root")
            .stringType()
            .defaultValue("/ferry")
            .withDescription("Znode under which Ferry keeps clusters/, locks/ and job records.");

    public static final ConfigOption<Duration> SESSION_TIMEOUT = key("ferry.ha.zookeeper.session-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("ZooKeeper session timeout; a crashed holder's locks go after this long.");

    public static final ConfigOption<Duration> CONNECTION_TIMEOUT = key("ferry.ha.zookeeper.connection-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .withDescription("How long a command waits for ZooKeeper before failing.");

    public static final ConfigOption<Integer> RETRY_ATTEMPTS = key("ferry.ha.zookeeper.retry.max-attempts")
            .intType()
            .defaultValue(3)
            .withDescription("Retries of one ZooKeeper operation after a connection loss.");

    public static final ConfigOption<Duration> LOCK_TIMEOUT = key("ferry.ha.lock-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("How long a command waits for another command holding the same cluster name.");

    public static final ConfigOption<String> AUTH_SCHEME = key("ferry.ha.zookeeper.auth.scheme")
            .stringType()
            .defaultValue("digest")
            .withDescription("ZooKeeper auth scheme used with ferry.ha.zookeeper.auth.credential.");

    public static final ConfigOption<String> AUTH_CREDENTIAL = key("ferry.ha.zookeeper.auth.credential")
            .stringType()
            .defaultValue("")
            .withDescription("user:password for digest auth; when set, Ferry's znodes and the JobManagers' HA znodes"
                    + " get creator-only ACLs (Flink gets it as high-availability.zookeeper.client.authorization).");

    private HaOptions() {}
}
