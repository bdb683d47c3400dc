package dev.ferry.launcher.catalog;

import dev.ferry.hive.HiveCatalogException;
import dev.ferry.hive.bootstrap.HiveCatalogFactory;
import dev.ferry.hive.config.HiveCatalogOptions;
import dev.ferry.hive.config.HiveCatalogSettings;
import dev.ferry.hive.config.HiveSite;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.sql.TableEnvironmentSetup;

import org.apache.flink.configuration.ReadableConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Hive catalog every {@code ferry sql} script gets when Ferry's configuration names a
 * metastore: {@code hive.metastore.uris} in the hive-site.xml of {@code ferry.hive-catalog.conf-dir}
 * (default: Ferry's conf dir, whose template names none, so no catalog). Registered before the
 * script's first statement on the client, and on the JobManager of an application cluster, which
 * gets the hive-site.xml shipped with the cluster.
 */
public final class SqlHiveCatalog {

    /** Name of the shipped directory in the JobManager's working directory. */
    static final String SHIPPED_CONF_DIR = "ferry-hive-conf";

    private final Optional<HiveCatalogSettings> settings;

    private SqlHiveCatalog(Optional<HiveCatalogSettings> settings) {
        this.settings = settings;
    }

    /** No Hive catalog. */
    public static SqlHiveCatalog none() {
        return new SqlHiveCatalog(Optional.empty());
    }

    /**
     * A catalog if the configured (or Ferry's) conf dir has a hive-site.xml naming a metastore. An
     * explicitly configured conf dir must have one: a typo there should not silently run scripts
     * without their catalog.
     */
    public static SqlHiveCatalog from(ReadableConfig config, Path ferryConfDir) {
        Optional<String> configured =
                config.getOptional(HiveCatalogOptions.CONF_DIR).filter(dir -> !dir.isBlank());
        Path confDir = configured.map(Path::of).orElse(ferryConfDir);
        try {
            Optional<HiveSite> site = configured.isPresent()
                    ? Optional.of(HiveSite.load(confDir))
                    : HiveSite.loadIfNamesMetastore(confDir);
            if (site.isEmpty()) {
                return none();
            }
            return new SqlHiveCatalog(Optional.of(new HiveCatalogSettings(
                    config.get(HiveCatalogOptions.CATALOG_NAME),
                    site.get().file().getParent(),
                    config.get(HiveCatalogOptions.DEFAULT_DATABASE),
                    config.get(HiveCatalogOptions.DEFAULT_CATALOG),
                    config.get(HiveCatalogOptions.CONNECT_TIMEOUT))));
        } catch (HiveCatalogException e) {
            throw new FerryException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    public boolean configured() {
        return settings.isPresent();
    }

    /**
     * Registers the catalog (after a bounded check that the metastore answers, so a dead one fails
     * fast naming its URI) and makes it current if {@code ferry.hive-catalog.default-catalog}.
     */
    public TableEnvironmentSetup setup() {
        return settings.<TableEnvironmentSetup>map(
                        s -> tableEnv -> CatalogErrors.translate(() -> new HiveCatalogFactory(s).register(tableEnv)))
                .orElse(TableEnvironmentSetup.NONE);
    }

    /**
     * What an application cluster needs to register the same catalog on its JobManager: a
     * directory holding a copy of the hive-site.xml (shipped under a fixed name) and the program
     * arguments of {@code SqlApplication} naming it. Empty without a catalog.
     */
    public Optional<ApplicationShipment> forApplication() {
        return settings.map(s -> {
            Path dir = copyOfHiveSite(s.confDir());
            List<String> arguments = new ArrayList<>();
            addOption(arguments, HiveCatalogOptions.CONF_DIR.key(), SHIPPED_CONF_DIR);
            addOption(arguments, HiveCatalogOptions.CATALOG_NAME.key(), s.catalogName());
            addOption(arguments, HiveCatalogOptions.DEFAULT_DATABASE.key(), s.defaultDatabase());
            addOption(arguments, HiveCatalogOptions.DEFAULT_CATALOG.key(), Boolean.toString(s.defaultCatalog()));
            addOption(
                    arguments,
                    HiveCatalogOptions.CONNECT_TIMEOUT.key(),
                    s.connectTimeout().toMillis() + " ms");
            return new ApplicationShipment(dir, arguments);
        });
    }

    private static void addOption(List<String> arguments, String key, String value) {
        arguments.add("--hive-catalog");
        arguments.add(key + "=" + value);
    }

    private static Path copyOfHiveSite(Path confDir) {
        try {
            // YARN localises a shipped directory under its own name: the name must be fixed.
            Path parent = Files.createTempDirectory("ferry-sql-hive");
            Path dir = Files.createDirectories(parent.resolve(SHIPPED_CONF_DIR));
            Path copy = Files.copy(confDir.resolve("hive-site.xml"), dir.resolve("hive-site.xml"));
            // Uploaded during the deploy of this command; deleted in reverse order at exit.
            parent.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            copy.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Cannot copy " + confDir.resolve("hive-site.xml") + " for the application cluster: "
                            + e.getMessage() + "; check the temp dir (java.io.tmpdir) is writable",
                    e);
        }
    }

    /**
     * @param confDir directory to add to {@code yarn.ship-files}
     * @param programArguments to append to the SQL application's arguments
     */
    public record ApplicationShipment(Path confDir, List<String> programArguments) {

        public ApplicationShipment {
            programArguments = List.copyOf(programArguments);
        }
    }
}
