package dev.ferry.hive.bootstrap;

import dev.ferry.hive.config.HiveCatalogSettings;
import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.metastore.FailFastClientSettings;
import dev.ferry.hive.metastore.MetastoreDeadline;
import dev.ferry.hive.metastore.MetastoreProbe;
import dev.ferry.hive.metastore.MetastoreStatus;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.hive.HiveCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Flink's {@link HiveCatalog} from Ferry's settings and registers it in a
 * TableEnvironment. The metastore is probed first: Flink's own open() would otherwise retry for
 * a long time and end in a multi-page stack trace.
 */
public final class HiveCatalogFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HiveCatalogFactory.class);

    private final HiveCatalogSettings settings;

    public HiveCatalogFactory(HiveCatalogSettings settings) {
        this.settings = settings;
    }

    /**
     * A HiveCatalog for a metastore that has just answered; not opened yet (the TableEnvironment
     * opens it on registration).
     *
     * @throws dev.ferry.hive.metastore.MetastoreUnavailableException if the metastore does not answer
     */
    public HiveCatalog create() {
        return create(HiveSite.load(settings.confDir()));
    }

    private HiveCatalog create(HiveSite site) {
        MetastoreStatus status = new MetastoreProbe(settings.connectTimeout()).probe(site);
        LOG.info(
                "Hive Metastore at {} answered in {} ms ({} databases)",
                status.uri(),
                status.latency().toMillis(),
                status.databaseCount());
        // hive-exec on the class path decides the shim version, as in Flink's own factory.
        return new HiveCatalog(
                settings.catalogName(),
                settings.defaultDatabase(),
                FailFastClientSettings.forCatalog(site.copyOfConf(), settings.connectTimeout()),
                null);
    }

    /**
     * Creates the catalog, registers it under the catalog name and, if configured, makes it the
     * current catalog (and its default database the current database). All of it, the probe and
     * the catalog's own connection included, ends within the connect timeout.
     *
     * @throws dev.ferry.hive.metastore.MetastoreUnavailableException if the metastore does not answer in time
     */
    public HiveCatalog register(TableEnvironment tableEnv) {
        HiveSite site = HiveSite.load(settings.confDir());
        // The caller waits for this thread and uses tableEnv only afterwards, or never again.
        return new MetastoreDeadline(settings.connectTimeout()).call(site, () -> registerNow(site, tableEnv));
    }

    // registerCatalog is deprecated in favour of createCatalog(name, CatalogDescriptor), which
    // builds the catalog itself from options through factory discovery: the fail-fast client
    // settings of this class could not reach it. It remains the only way to register an instance.
    @SuppressWarnings("deprecation")
    private HiveCatalog registerNow(HiveSite site, TableEnvironment tableEnv) {
        HiveCatalog catalog = create(site);
        try {
            tableEnv.registerCatalog(settings.catalogName(), catalog);
        } catch (CatalogException | ValidationException e) {
            throw new CatalogBootstrapException(
                    "Cannot open Hive catalog '" + settings.catalogName() + "': "
                            + oneLine(e) + "; check that database '" + settings.defaultDatabase()
                            + "' exists (option ferry.hive-catalog.default-database) and that the catalog name is unused",
                    e);
        }
        if (settings.defaultCatalog()) {
            tableEnv.useCatalog(settings.catalogName());
            tableEnv.useDatabase(settings.defaultDatabase());
        }
        return catalog;
    }

    private static String oneLine(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = error.getMessage() == null ? cause.toString() : error.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
