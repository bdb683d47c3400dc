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
            .withDescription("How long a conversation with the Hive Metastore may take before it fails as"
                    + " unavailable: each 'ferry catalog' command as a whole, and the registration of the"
                    + " Hive catalog for a SQL script (check and catalog connection). A metastore that"
                    + " refuses connections fails at once, one that accepts them and does not answer"
                    + " after this long.");

    private HiveCatalogOptions() {}
}
