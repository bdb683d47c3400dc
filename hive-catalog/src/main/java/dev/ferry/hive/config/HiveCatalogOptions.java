package dev.ferry.hive.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;

/** Every option of Ferry's Hive catalog, in one place. */
public final class HiveCatalogOptions {

    public static final ConfigOption<String> CATALOG_NAME = ConfigOptions.key("ferry.hive-catalog.name")
            .stringType()
            .defaultValue("hive")
            .withDescription("Name under which the Hive catalog is registered in Flink SQL.");

    public static final ConfigOption<String> CONF_DIR = ConfigOptions.key("ferry.hive-catalog.conf-dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory holding hive-site.xml (hive.metastore.uris and client settings).");

    public static final ConfigOption<String> DEFAULT_DATABASE = ConfigOptions.key("ferry.hive-catalog.default-database")
            .stringType()
            .defaultValue("default")
            .withDescription("Database the catalog starts in; it must exist in the metastore.");

    public static final ConfigOption<Boolean> DEFAULT_CATALOG = ConfigOptions.key("ferry.hive-catalog.default-catalog")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether the Hive catalog becomes the current catalog of the TableEnvironment.");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT = ConfigOptions.key("ferry.hive-catalog.connect-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .withDescription("How long the connection check waits for the metastore before giving up.");

    private HiveCatalogOptions() {}
}
