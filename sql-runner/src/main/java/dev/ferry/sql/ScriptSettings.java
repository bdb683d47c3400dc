package dev.ferry.sql;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.TableConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SET and RESET on the TableEnvironment's configuration. The TableEnvironment does not run them
 * itself (Flink's SQL client and gateway do), so the runner applies them, and RESET returns to
 * what the runner was created with.
 */
final class ScriptSettings {

    private final Configuration settings;
    private final Configuration initial;

    ScriptSettings(TableConfig tableConfig) {
        this.settings = tableConfig.getConfiguration();
        this.initial = new Configuration(settings);
    }

    void set(String key, String value) {
        settings.setString(key, value);
    }

    void reset(String key) {
        settings.removeKey(key);
        String initialValue = initial.toMap().get(key);
        if (initialValue != null) {
            settings.setString(key, initialValue);
        }
    }

    void resetAll() {
        for (String key : settings.keySet()) {
            settings.removeKey(key);
        }
        settings.addAll(initial);
    }

    /** {@code SET;} lists the settings, as the SQL client does. */
    QueryResult list(String sql) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(settings.toMap()).entrySet()) {
            rows.add(List.of(entry.getKey(), entry.getValue()));
        }
        return new QueryResult(sql, List.of("key", "value"), List.copyOf(rows), false);
    }
}
