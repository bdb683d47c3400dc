package dev.ferry.launcher.ha;

import dev.ferry.ha.HaOptions;
import dev.ferry.ha.failover.FencingZooKeeperHaServicesFactory;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryOptions;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.yarn.configuration.YarnConfigOptions;

import java.util.Map;

/**
 * Turns on Flink's ZooKeeper HA for every cluster Ferry deploys once a quorum is configured.
 * The HA cluster id stays Flink's YARN default, the application id, so that HA data can be
 * matched against YARN's live applications when it is cleaned up.
 *
 * <p>With {@link HaOptions#AUTH_CREDENTIAL} set, Flink's own znodes are made creator-only with
 * the same credential as Ferry's: Flink's Curator authenticates with it
 * ({@code high-availability.zookeeper.client.authorization}) and creates every znode with
 * {@code high-availability.zookeeper.client.acl: creator}. One credential for both is what lets
 * {@code ferry ha gc} delete the znodes a killed JobManager left behind.
 */
public final class HaDeployment {

    static final String CREATOR_ACL = "creator";

    private final EffectiveConfiguration effective;

    public HaDeployment(EffectiveConfiguration effective) {
        this.effective = effective;
    }

    public boolean enabled() {
        return !effective.get(HaOptions.ZOOKEEPER_QUORUM).isBlank();
    }

    /** Adds the HA settings that the operator has not set explicitly. */
    public void apply(Configuration config) {
        if (!enabled()) {
            return;
        }
        // Flink's ZooKeeper HA, plus fencing: a new attempt's JobManager removes its dead
        // predecessor from the leader latch instead of waiting out its ZooKeeper session.
        // "high-availability.type: zookeeper" in config.yaml gives Flink's plain behaviour.
        setIfAbsent(config, HighAvailabilityOptions.HA_MODE.key(), FencingZooKeeperHaServicesFactory.class.getName());
        setIfAbsent(
                config, HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM.key(), effective.get(HaOptions.ZOOKEEPER_QUORUM));
        setIfAbsent(config, HighAvailabilityOptions.HA_STORAGE_PATH.key(), effective.get(FerryOptions.HA_STORAGE_DIR));
        setIfAbsent(
                config,
                YarnConfigOptions.APPLICATION_ATTEMPTS.key(),
                String.valueOf(effective.get(FerryOptions.HA_APPLICATION_ATTEMPTS)));
        // Otherwise a mere disconnect (a ZooKeeper restart, a network blip) revokes leadership, and
        // a YARN session JobManager treats its ResourceManager's revocation as fatal: the process
        // exits and each blip burns a YARN attempt (seen in ZooKeeperFaultsIT). Leadership now
        // goes only when the session expires, or when the next YARN attempt fences it. No second
        // leader can appear meanwhile: YARN runs one attempt at a time, and only a later attempt fences.
        setIfAbsent(config, HighAvailabilityOptions.ZOOKEEPER_TOLERATE_SUSPENDED_CONNECTIONS.key(), "true");
        applyAuthentication(config);
    }

    private void applyAuthentication(Configuration config) {
        String credential = effective.get(HaOptions.AUTH_CREDENTIAL);
        if (credential.isEmpty()) {
            return;
        }
        if (config.get(SecurityOptions.ZOOKEEPER_SASL_DISABLE)) {
            // Flink refuses "acl: creator" with SASL disabled (IllegalConfigurationException in the
            // JobManager), although digest auth needs no SASL: fail here, not after a YARN deploy.
            throw new FerryException(
                    ExitCode.USAGE,
                    "Flink refuses creator-only znodes (" + HaOptions.AUTH_CREDENTIAL.key() + " is set) while "
                            + SecurityOptions.ZOOKEEPER_SASL_DISABLE.key() + " is true: remove "
                            + SecurityOptions.ZOOKEEPER_SASL_DISABLE.key() + " from config.yaml");
        }
        setIfAbsent(config, HighAvailabilityOptions.ZOOKEEPER_CLIENT_ACL.key(), CREATOR_ACL);
        if (!config.contains(HighAvailabilityOptions.ZOOKEEPER_CLIENT_AUTHORIZATION)) {
            // Typed, because a digest credential "user:password" holds the ':' of Flink's map syntax.
            config.set(
                    HighAvailabilityOptions.ZOOKEEPER_CLIENT_AUTHORIZATION,
                    Map.of(effective.get(HaOptions.AUTH_SCHEME), credential));
        }
    }

    /** Flink's root znode of all HA clusters. */
    public String flinkRoot() {
        return effective.toFlinkConfiguration().get(HighAvailabilityOptions.HA_ZOOKEEPER_ROOT);
    }

    private static void setIfAbsent(Configuration config, String key, String value) {
        if (!config.containsKey(key)) {
            config.setString(key, value);
        }
    }
}
