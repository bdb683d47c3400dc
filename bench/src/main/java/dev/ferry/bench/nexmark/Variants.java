package dev.ferry.bench.nexmark;

import dev.ferry.sql.FerrySqlDefaults;

import org.apache.flink.configuration.Configuration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two configurations a bench compares: A, Ferry's defaults as a local job sees them, and B,
 * stock Flink 1.20.1's (nothing set).
 */
final class Variants {

    /**
     * The config.yaml options that change how a local job runs. The others place containers,
     * name checkpoint directories or tune HA, which a MiniCluster job without checkpoints never
     * touches.
     */
    private static final List<String> LOCAL_PREFIXES = List.of(
            "state.",
            "pipeline.",
            "table.",
            "execution.checkpointing.incremental",
            "taskmanager.memory.managed.",
            "execution.batch");

    private Variants() {}

    static Variant ferry(Configuration ferryConfig, Map<String, String> overrides) {
        Map<String, String> options = localOptions(ferryConfig);
        FerrySqlDefaults.asMap().forEach(options::putIfAbsent);
        options.putAll(overrides);
        String label = overrides.isEmpty() ? "Ferry defaults" : "Ferry defaults with " + overrides;
        return new Variant("A", label, options);
    }

    /**
     * Ferry's config.yaml as a cluster's settings and nothing per job: what a job that another
     * client planned gets from a Ferry cluster. On YARN the Ferry session has these already; a
     * local bench starts a MiniCluster with them.
     */
    static Variant ferryClusterOnly(Configuration ferryConfig) {
        return new Variant("A", "Ferry's cluster settings, no per-job options", Map.of(), localOptions(ferryConfig));
    }

    /** The options of Ferry's config.yaml that change how a job runs (see LOCAL_PREFIXES). */
    private static Map<String, String> localOptions(Configuration ferryConfig) {
        Map<String, String> options = new TreeMap<>();
        ferryConfig.toMap().forEach((key, value) -> {
            if (LOCAL_PREFIXES.stream().anyMatch(key::startsWith)) {
                options.put(key, value);
            }
        });
        return options;
    }

    static Variant stock() {
        return new Variant("B", "stock Flink 1.20.1 defaults", Map.of());
    }
}
