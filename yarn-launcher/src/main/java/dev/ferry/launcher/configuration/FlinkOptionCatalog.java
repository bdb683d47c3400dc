package dev.ferry.launcher.configuration;

import dev.ferry.ha.HaOptions;
import dev.ferry.hive.config.HiveCatalogOptions;
import dev.ferry.sandbox.SandboxOptions;

import org.apache.flink.configuration.ConfigOption;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every typed option Ferry knows by its key: Flink's, from the option classes Flink documents, and
 * Ferry's own. Flink has no registry of its options (its documentation generator reads these
 * classes the same way), so this is the one place that reflects on them; {@code
 * FlinkOptionCatalogTest} pins that well-known keys are found, so a Flink upgrade that moves them
 * fails loudly.
 */
public final class FlinkOptionCatalog {

    /** Flink's option holder classes, as its configuration documentation lists them. */
    private static final List<String> FLINK_OPTION_CLASSES = List.of(
            "org.apache.flink.configuration.AkkaOptions",
            "org.apache.flink.configuration.AlgorithmOptions",
            "org.apache.flink.configuration.BatchExecutionOptions",
            "org.apache.flink.configuration.BlobServerOptions",
            "org.apache.flink.configuration.CheckpointingOptions",
            "org.apache.flink.configuration.CleanupOptions",
            "org.apache.flink.configuration.ClusterOptions",
            "org.apache.flink.configuration.CoreOptions",
            "org.apache.flink.configuration.DeploymentOptions",
            "org.apache.flink.configuration.ExecutionOptions",
            "org.apache.flink.configuration.HeartbeatManagerOptions",
            "org.apache.flink.configuration.HighAvailabilityOptions",
            "org.apache.flink.configuration.HistoryServerOptions",
            "org.apache.flink.configuration.JobManagerOptions",
            "org.apache.flink.configuration.MetricOptions",
            "org.apache.flink.configuration.NettyShuffleEnvironmentOptions",
            "org.apache.flink.configuration.PipelineOptions",
            "org.apache.flink.configuration.ResourceManagerOptions",
            "org.apache.flink.configuration.RestOptions",
            "org.apache.flink.configuration.RestartStrategyOptions",
            "org.apache.flink.configuration.RpcOptions",
            "org.apache.flink.configuration.SecurityOptions",
            "org.apache.flink.configuration.StateBackendOptions",
            "org.apache.flink.configuration.StateChangelogOptions",
            "org.apache.flink.configuration.StateRecoveryOptions",
            "org.apache.flink.configuration.TaskManagerOptions",
            "org.apache.flink.configuration.WebOptions",
            "org.apache.flink.contrib.streaming.state.RocksDBConfigurableOptions",
            "org.apache.flink.contrib.streaming.state.RocksDBOptions",
            "org.apache.flink.table.api.config.ExecutionConfigOptions",
            "org.apache.flink.table.api.config.OptimizerConfigOptions",
            "org.apache.flink.table.api.config.TableConfigOptions",
            "org.apache.flink.yarn.configuration.YarnConfigOptions");

    private static final List<Class<?>> FERRY_OPTION_CLASSES = List.of(
            FerryOptions.class,
            MonitoringOptions.class,
            HaOptions.class,
            HiveCatalogOptions.class,
            SandboxOptions.class);

    private final Map<String, ConfigOption<?>> byKey;

    private FlinkOptionCatalog(Map<String, ConfigOption<?>> byKey) {
        this.byKey = byKey;
    }

    /** The options of the classes on this class path (a missing one, say RocksDB's, is skipped). */
    public static FlinkOptionCatalog load() {
        Map<String, ConfigOption<?>> byKey = new HashMap<>();
        for (String name : FLINK_OPTION_CLASSES) {
            try {
                collect(Class.forName(name, false, FlinkOptionCatalog.class.getClassLoader()), byKey);
            } catch (ClassNotFoundException | LinkageError absent) {
                // Not on this class path: its keys stay unchecked, as they were before.
            }
        }
        FERRY_OPTION_CLASSES.forEach(type -> collect(type, byKey));
        return new FlinkOptionCatalog(byKey);
    }

    /** The option of {@code key} (or of a deprecated key that names it), if known. */
    public Optional<ConfigOption<?>> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    private static void collect(Class<?> holder, Map<String, ConfigOption<?>> byKey) {
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    byKey.putIfAbsent(option.key(), option);
                    option.deprecatedKeys().forEach(key -> byKey.putIfAbsent(key, option));
                } catch (IllegalAccessException | RuntimeException e) {
                    // A field that cannot be read is skipped; the others still check their values.
                }
            }
        }
    }
}
