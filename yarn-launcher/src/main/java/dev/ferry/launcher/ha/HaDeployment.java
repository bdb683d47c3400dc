package dev.ferry.launcher.ha;

import dev.ferry.ha.HaOptions;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryOptions;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.yarn.configuration.YarnConfigOptions;

/**
 * Turns on Flink's ZooKeeper HA for every cluster Ferry deploys once a quorum is configured.
 * The HA cluster id stays Flink's YARN default, the application id, so that HA data can be
 * matched against YARN's live applications when it is cleaned up.
 */
public final class HaDeployment {

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
        setIfAbsent(config, HighAvailabilityOptions.HA_MODE.key(), "zookeeper");
        setIfAbsent(config, HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM.key(), effective.get(HaOptions.ZOOKEEPER_QUORUM));
        setIfAbsent(config, HighAvailabilityOptions.HA_STORAGE_PATH.key(), effective.get(FerryOptions.HA_STORAGE_DIR));
        setIfAbsent(
                config,
                YarnConfigOptions.APPLICATION_ATTEMPTS.key(),
                String.valueOf(effective.get(FerryOptions.HA_APPLICATION_ATTEMPTS)));
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
