package dev.ferry.launcher.configuration;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks every setting a file or flag gives against the type of its option before a command does
 * anything with it, so that {@code -D parallelism.default=abc} is refused in one line naming the
 * key, the value, where it came from and what it should be, and not deep in a deploy.
 */
public final class SettingsValidator {

    private final FlinkOptionCatalog catalog;

    public SettingsValidator(FlinkOptionCatalog catalog) {
        this.catalog = catalog;
    }

    /** @throws ConfigurationException at the first value its option cannot read */
    public void check(EffectiveConfiguration configuration) {
        Configuration values = configuration.toFlinkConfiguration();
        for (Map.Entry<String, ValueOrigin> set : configuration.explicitKeys().entrySet()) {
            String key = set.getKey();
            catalog.find(key).ifPresent(option -> requireReadable(values, option, key, set.getValue()));
        }
    }

    private static void requireReadable(Configuration values, ConfigOption<?> option, String key, ValueOrigin origin) {
        try {
            values.get(option);
        } catch (RuntimeException e) {
            throw new ConfigurationException(
                    key + "='" + values.toMap().get(key) + "' (from " + origin + ") is not " + expected(option)
                            + ": give " + key + " " + expected(option),
                    e);
        }
    }

    /** What the option takes, in words, from the type of its default value. */
    static String expected(ConfigOption<?> option) {
        Object example = option.hasDefaultValue() ? option.defaultValue() : null;
        if (example instanceof Integer || example instanceof Long) {
            return "a whole number";
        }
        if (example instanceof Double || example instanceof Float) {
            return "a number";
        }
        if (example instanceof Boolean) {
            return "true or false";
        }
        if (example instanceof Duration) {
            return "a duration such as 30 s or 5 min";
        }
        if (example instanceof MemorySize) {
            return "a memory size such as 512m or 2g";
        }
        if (example instanceof Enum<?> value) {
            return "one of "
                    + Arrays.stream(value.getDeclaringClass().getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return "a valid value";
    }
}
