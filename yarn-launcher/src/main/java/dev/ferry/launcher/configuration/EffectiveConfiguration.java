package dev.ferry.launcher.configuration;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration a command runs with: Flink's {@code config.yaml} and Ferry's {@code
 * ferry.yaml}, overridden by {@code -D} flags, remembering where each value came from.
 */
public final class EffectiveConfiguration {

    private final Configuration values;
    private final Map<String, ValueOrigin> origins;

    EffectiveConfiguration(Configuration values, Map<String, ValueOrigin> origins) {
        this.values = values;
        this.origins = Collections.unmodifiableMap(new TreeMap<>(origins));
    }

    public <T> T get(ConfigOption<T> option) {
        return values.get(option);
    }

    /** Where the value of {@code key} came from; {@link ValueOrigin#defaultValue()} if unset. */
    public ValueOrigin originOf(String key) {
        return origins.getOrDefault(key, ValueOrigin.defaultValue());
    }

    /** Keys set by a file or a flag, sorted. */
    public Map<String, ValueOrigin> explicitKeys() {
        return origins;
    }

    /** The raw string of an explicitly set key, as written in the file or flag. */
    public String rawValue(String key) {
        return values.toMap().get(key);
    }

    /** A fresh copy of all values as a Flink configuration, for handing to Flink's clients. */
    public Configuration toFlinkConfiguration() {
        return new Configuration(values);
    }
}
