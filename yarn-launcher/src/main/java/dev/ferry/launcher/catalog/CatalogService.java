package dev.ferry.launcher.catalog;

import dev.ferry.hive.HiveCatalogException;
import dev.ferry.hive.browse.CatalogBrowser;
import dev.ferry.hive.browse.TableDescription;
import dev.ferry.hive.config.HiveCatalogOptions;
import dev.ferry.hive.config.HiveCatalogSettings;
import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.metastore.MetastoreDeadline;
import dev.ferry.hive.metastore.MetastoreProbe;
import dev.ferry.hive.metastore.MetastoreStatus;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The launcher's read-only view of the Hive Metastore, for {@code ferry catalog}. Every call
 * opens one fail-fast connection and closes it, all within the connect timeout; the hive-catalog
 * module's errors become {@link dev.ferry.launcher.error.FerryException}s with the documented exit codes.
 */
public final class CatalogService {

    private final HiveCatalogSettings settings;

    public CatalogService(HiveCatalogSettings settings) {
        this.settings = settings;
    }

    /**
     * Settings from {@code ferry.hive-catalog.*}; without a configured conf dir, hive-site.xml is
     * read from Ferry's own configuration directory, where the distribution keeps its template.
     */
    public static CatalogService from(ReadableConfig config, Path ferryConfDir) {
        Configuration withConfDir = new Configuration();
        config.getOptional(HiveCatalogOptions.CONF_DIR)
                .filter(dir -> !dir.isBlank())
                .ifPresentOrElse(
                        dir -> withConfDir.set(HiveCatalogOptions.CONF_DIR, dir),
                        () -> withConfDir.set(HiveCatalogOptions.CONF_DIR, ferryConfDir.toString()));
        withConfDir.set(HiveCatalogOptions.DEFAULT_DATABASE, config.get(HiveCatalogOptions.DEFAULT_DATABASE));
        withConfDir.set(HiveCatalogOptions.CONNECT_TIMEOUT, config.get(HiveCatalogOptions.CONNECT_TIMEOUT));
        try {
            return new CatalogService(HiveCatalogSettings.from(withConfDir));
        } catch (HiveCatalogException e) {
            throw new FerryException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    /** Connects and lists the databases once: proves the metastore answers. */
    public MetastoreStatus ping() {
        return CatalogErrors.translate(() -> {
            HiveSite site = site();
            return deadline().call(site, () -> new MetastoreProbe(settings.connectTimeout()).probe(site));
        });
    }

    public List<String> databases() {
        return browse(CatalogBrowser::databases);
    }

    /** The tables of {@code database}, or of the configured default database when it is null. */
    public List<String> tables(String database) {
        String db = database == null ? settings.defaultDatabase() : database;
        return browse(browser -> browser.tables(db));
    }

    public TableDescription describe(TableName name) {
        return browse(browser -> browser.describe(name.database(), name.table()));
    }

    /** The database {@code tables} lists when none is given. */
    public String defaultDatabase() {
        return settings.defaultDatabase();
    }

    private <T> T browse(Function<CatalogBrowser, T> read) {
        return CatalogErrors.translate(() -> {
            HiveSite site = site();
            return deadline().call(site, () -> {
                try (CatalogBrowser browser = CatalogBrowser.open(site, settings.connectTimeout())) {
                    return read.apply(browser);
                }
            });
        });
    }

    /** The whole command's conversation with the metastore, not each socket read, ends within the timeout. */
    private MetastoreDeadline deadline() {
        return new MetastoreDeadline(settings.connectTimeout());
    }

    private HiveSite site() {
        return HiveSite.load(settings.confDir());
    }
}
