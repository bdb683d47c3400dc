package dev.ferry.launcher.deployment;

import dev.ferry.launcher.configuration.ConfigurationException;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Settings that read fine as strings but that Flink resolves only when a job starts on the cluster:
 * a state backend, checkpoint storage or restart strategy it does not know makes every job of a
 * session fail. Checked by the names Flink accepts (its built-in short names, or a factory class
 * that must exist), before anything reaches YARN.
 */
final class FlinkSettingsCheck {

    private static final Set<String> STATE_BACKENDS = Set.of("hashmap", "rocksdb", "jobmanager", "filesystem");
    private static final Set<String> CHECKPOINT_STORAGES = Set.of("jobmanager", "filesystem");
    private static final Set<String> RESTART_STRATEGIES = Set.of(
            "none",
            "off",
            "disable",
            "fixeddelay",
            "fixed-delay",
            "failurerate",
            "failure-rate",
            "exponentialdelay",
            "exponential-delay");

    private FlinkSettingsCheck() {}

    static void check(Configuration config) {
        requireFactory(config, StateBackendOptions.STATE_BACKEND, STATE_BACKENDS);
        requireFactory(config, CheckpointingOptions.CHECKPOINT_STORAGE, CHECKPOINT_STORAGES);
        requireKnown(config, RestartStrategyOptions.RESTART_STRATEGY, RESTART_STRATEGIES);
    }

    /** A short name Flink knows, or a class name that is on the class path (Flink loads it as a factory). */
    private static void requireFactory(Configuration config, ConfigOption<String> option, Set<String> names) {
        value(config, option).ifPresent(value -> {
            if (names.contains(value.toLowerCase(Locale.ROOT)) || loadable(value)) {
                return;
            }
            throw unknown(option, value, names, " or the class name of a factory on Flink's class path");
        });
    }

    private static void requireKnown(Configuration config, ConfigOption<String> option, Set<String> names) {
        value(config, option).ifPresent(value -> {
            if (!names.contains(value.toLowerCase(Locale.ROOT))) {
                throw unknown(option, value, names, "");
            }
        });
    }

    private static Optional<String> value(Configuration config, ConfigOption<String> option) {
        return config.getOptional(option).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, FlinkSettingsCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static ConfigurationException unknown(
            ConfigOption<String> option, String value, Set<String> names, String orFactory) {
        return new ConfigurationException(option.key() + "='" + value + "' is not something Flink can run with:"
                + " every job of the cluster would fail; give one of "
                + String.join(", ", names.stream().sorted().toList()) + orFactory + " (nothing was deployed)");
    }
}
