package dev.ferry.launcher.configuration;

import dev.ferry.launcher.error.FerryException;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the layers of configuration: defaults, then {@code conf/config.yaml} (Flink's file),
 * then {@code conf/ferry.yaml} (Ferry's file), then what the sandbox supplies when a command
 * targets it, then the environment variables that stand for settings, then {@code -D} flags.
 */
public final class ConfigurationLoader {

    public static final String FLINK_CONFIG_FILE = GlobalConfiguration.FLINK_CONF_FILENAME;
    public static final String FERRY_CONFIG_FILE = "ferry.yaml";

    /** Environment variables that stand for a setting. */
    public static final Map<String, String> SETTING_VARIABLES = Map.of("FERRY_SANDBOX_DIR", "ferry.sandbox.dir");

    private final Path confDir;
    private final Map<String, String> environment;

    public ConfigurationLoader(Path confDir) {
        this(confDir, Map.of());
    }

    /** @param environment the process environment; only {@link #SETTING_VARIABLES} are read */
    public ConfigurationLoader(Path confDir, Map<String, String> environment) {
        this.confDir = confDir;
        this.environment = environment;
    }

    public EffectiveConfiguration load(Map<String, String> flags) {
        return load(Map.of(), ValueOrigin.defaultValue(), flags);
    }

    /**
     * @param sandboxValues settings of the sandbox a command targets; they override the files,
     *     so a sandbox cluster never points at a real cluster's services
     */
    public EffectiveConfiguration load(
            Map<String, String> sandboxValues, ValueOrigin sandboxOrigin, Map<String, String> flags) {
        Configuration values = new Configuration();
        Map<String, ValueOrigin> origins = new LinkedHashMap<>();

        Path flinkFile = confDir.resolve(FLINK_CONFIG_FILE);
        if (Files.isRegularFile(flinkFile)) {
            Configuration fromFile = GlobalConfiguration.loadConfiguration(confDir.toString());
            putAll(values, origins, fromFile.toMap(), ValueOrigin.file(flinkFile));
        }
        Path ferryFile = confDir.resolve(FERRY_CONFIG_FILE);
        if (Files.isRegularFile(ferryFile)) {
            putAll(values, origins, readFlatYaml(ferryFile), ValueOrigin.file(ferryFile));
        }
        putAll(values, origins, sandboxValues, sandboxOrigin);
        SETTING_VARIABLES.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                putAll(values, origins, Map.of(key, value), ValueOrigin.environment(variable));
            }
        });
        flags.forEach((key, value) -> {
            values.setString(key, value);
            origins.put(key, ValueOrigin.flag("-D" + key));
        });
        return new EffectiveConfiguration(values, origins);
    }

    private static void putAll(
            Configuration values, Map<String, ValueOrigin> origins, Map<String, String> entries, ValueOrigin origin) {
        entries.forEach((key, value) -> {
            values.setString(key, value);
            origins.put(key, origin);
        });
    }

    /** Reads a YAML file whose nested maps are flattened into dotted keys, as Flink does. */
    static Map<String, String> readFlatYaml(Path file) {
        try {
            JsonNode root = new YAMLMapper().readTree(file.toFile());
            Map<String, String> flat = new LinkedHashMap<>();
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) {
                    throw new ConfigurationException(file + " must be a map of keys to values");
                }
                flatten("", root, flat);
            }
            return flat;
        } catch (IOException e) {
            throw new ConfigurationException(
                    "Cannot read " + file + ": " + FerryException.firstLine(e.getMessage()), e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }
}
