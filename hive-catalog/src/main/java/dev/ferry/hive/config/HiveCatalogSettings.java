package dev.ferry.hive.config;

import dev.ferry.hive.HiveCatalogException;

import org.apache.flink.configuration.ReadableConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated values of {@link HiveCatalogOptions}.
 *
 * @param catalogName name of the catalog in Flink SQL
 * @param confDir directory holding hive-site.xml
 * @param defaultDatabase database the catalog starts in
 * @param defaultCatalog whether the catalog becomes the current one
 * @param connectTimeout how long the connection check may take
 */
public record HiveCatalogSettings(
        String catalogName, Path confDir, String defaultDatabase, boolean defaultCatalog, Duration connectTimeout) {

    public HiveCatalogSettings {
        Objects.requireNonNull(catalogName, "catalogName");
        Objects.requireNonNull(confDir, "confDir");
        Objects.requireNonNull(defaultDatabase, "defaultDatabase");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** Settings with every option at its default except the conf dir, which has none. */
    public static HiveCatalogSettings withConfDir(Path confDir) {
        return new HiveCatalogSettings(
                HiveCatalogOptions.CATALOG_NAME.defaultValue(),
                confDir,
                HiveCatalogOptions.DEFAULT_DATABASE.defaultValue(),
                HiveCatalogOptions.DEFAULT_CATALOG.defaultValue(),
                HiveCatalogOptions.CONNECT_TIMEOUT.defaultValue());
    }

    public static HiveCatalogSettings from(ReadableConfig config) {
        String confDir = config.getOptional(HiveCatalogOptions.CONF_DIR)
                .filter(dir -> !dir.isBlank())
                .orElseThrow(() -> new HiveCatalogException("No Hive conf dir configured; set "
                        + HiveCatalogOptions.CONF_DIR.key() + " to the directory holding hive-site.xml"));
        Duration timeout = config.get(HiveCatalogOptions.CONNECT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new HiveCatalogException(HiveCatalogOptions.CONNECT_TIMEOUT.key() + " must be positive, got "
                    + timeout + "; set it to e.g. 5 s");
        }
        return new HiveCatalogSettings(
                config.get(HiveCatalogOptions.CATALOG_NAME),
                Path.of(confDir),
                config.get(HiveCatalogOptions.DEFAULT_DATABASE),
                config.get(HiveCatalogOptions.DEFAULT_CATALOG),
                timeout);
    }

    public HiveCatalogSettings withCatalogName(String name) {
        return new HiveCatalogSettings(name, confDir, defaultDatabase, defaultCatalog, connectTimeout);
    }

    public HiveCatalogSettings withDefaultDatabase(String database) {
        return new HiveCatalogSettings(catalogName, confDir, database, defaultCatalog, connectTimeout);
    }

    public HiveCatalogSettings asDefaultCatalog(boolean isDefault) {
        return new HiveCatalogSettings(catalogName, confDir, defaultDatabase, isDefault, connectTimeout);
    }

    public HiveCatalogSettings withConnectTimeout(Duration timeout) {
        return new HiveCatalogSettings(catalogName, confDir, defaultDatabase, defaultCatalog, timeout);
    }
}
