package dev.ferry.launcher.cli.config;

import dev.ferry.ha.HaOptions;
import dev.ferry.hive.config.HiveCatalogOptions;
import dev.ferry.launcher.cli.CommandContext;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryOptions;
import dev.ferry.launcher.configuration.MonitoringOptions;
import dev.ferry.launcher.configuration.ValueOrigin;
import dev.ferry.sandbox.SandboxOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ferry config show}: every Ferry option and every Flink key set in a file or flag, with
 * its value and where it came from.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print the effective configuration and where each value came from (default, file, flag).")
public final class ConfigShowCommand extends FerrySubcommand {

    @Option(names = "--describe", description = "Also print each Ferry option's description")
    private boolean describe;

    @Mixin
    private OutputOptions output;

    /** One line of the output. */
    record Entry(String key, String value, String origin, String description) {}

    @Override
    public Integer call() {
        CommandContext context = context();
        List<Entry> entries = entries(context.configuration());
        if (output.json()) {
            Json.print(
                    out(),
                    Map.of(
                            "confDir", context.confDir().toString(),
                            "entries",
                                    entries.stream()
                                            .map(ConfigShowCommand::toJson)
                                            .toList()));
            return 0;
        }
        out().println("Configuration directory: " + context.confDir());
        Table table = describe ? new Table("KEY", "VALUE", "FROM", "DESCRIPTION") : new Table("KEY", "VALUE", "FROM");
        for (Entry e : entries) {
            String value = abbreviate(e.value());
            if (describe) {
                table.row(e.key(), value, e.origin(), e.description());
            } else {
                table.row(e.key(), value, e.origin());
            }
        }
        table.print(out());
        return 0;
    }

    private static final int MAX_TABLE_VALUE = 60;

    /** Ferry's options from every module, in print order. */
    private static final List<ConfigOption<?>> FERRY_OPTIONS = Stream.<Stream<? extends ConfigOption<?>>>of(
                    FerryOptions.all().stream(),
                    MonitoringOptions.all().stream(),
                    Stream.of(
                            HaOptions.ZOOKEEPER_QUORUM,
                            HaOptions.ZOOKEEPER_ROOT,
                            HaOptions.SESSION_TIMEOUT,
                            HaOptions.CONNECTION_TIMEOUT,
                            HaOptions.RETRY_ATTEMPTS,
                            HaOptions.LOCK_TIMEOUT,
                            HaOptions.AUTH_SCHEME,
                            SandboxOptions.DIR,
                            SandboxOptions.NODE_MANAGER_MEMORY_MB,
                            SandboxOptions.NODE_MANAGER_VCORES,
                            SandboxOptions.METASTORE_DB_TYPE,
                            SandboxOptions.METASTORE_JDBC_URL,
                            SandboxOptions.START_TIMEOUT,
                            SandboxOptions.STOP_TIMEOUT,
                            HiveCatalogOptions.CONF_DIR,
                            HiveCatalogOptions.CATALOG_NAME,
                            HiveCatalogOptions.DEFAULT_DATABASE,
                            HiveCatalogOptions.DEFAULT_CATALOG,
                            HiveCatalogOptions.CONNECT_TIMEOUT))
            .<ConfigOption<?>>flatMap(options -> options)
            .toList();

    private static List<Entry> entries(EffectiveConfiguration config) {
        List<Entry> entries = new ArrayList<>();
        Set<String> ferryKeys = FERRY_OPTIONS.stream().map(ConfigOption::key).collect(Collectors.toSet());
        for (ConfigOption<?> option : FERRY_OPTIONS) {
            entries.add(new Entry(
                    option.key(),
                    render(config.get(option)),
                    config.originOf(option.key()).toString(),
                    option.description().toString()));
        }
        for (Map.Entry<String, ValueOrigin> explicit : config.explicitKeys().entrySet()) {
            if (!ferryKeys.contains(explicit.getKey())) {
                entries.add(new Entry(
                        explicit.getKey(),
                        shown(explicit.getKey(), config.rawValue(explicit.getKey())),
                        explicit.getValue().toString(),
                        ""));
            }
        }
        return entries;
    }

    /** Secrets are printed masked, as Flink masks them in its logs: output gets pasted into tickets. */
    private static String shown(String key, String value) {
        boolean secret = key.equals(HaOptions.AUTH_CREDENTIAL.key())
                || key.equals(HighAvailabilityOptions.ZOOKEEPER_CLIENT_AUTHORIZATION.key())
                || GlobalConfiguration.isSensitive(key);
        return secret ? GlobalConfiguration.HIDDEN_CONTENT : value;
    }

    /** Long values (the JVM flags) would make the table unreadable; -o json prints them whole. */
    private static String abbreviate(String value) {
        return value.length() <= MAX_TABLE_VALUE ? value : value.substring(0, MAX_TABLE_VALUE - 3) + "...";
    }

    private static String render(Object value) {
        return value instanceof Duration duration ? TimeUtils.formatWithHighestUnit(duration) : String.valueOf(value);
    }

    private static Map<String, Object> toJson(Entry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", e.key());
        json.put("value", e.value());
        json.put("from", e.origin());
        return json;
    }
}
