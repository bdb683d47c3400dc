package dev.ferry.hive.config;

import org.apache.flink.table.catalog.hive.HiveCatalog;
import org.apache.hadoop.hive.conf.HiveConf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A client HiveConf read from one hive-site.xml, and where it came from (for error messages).
 * Loaded through Flink's own {@link HiveCatalog#createHiveConf} so that the catalog and the
 * browser see exactly the same configuration.
 */
public final class HiveSite {

    private final Path file;
    private final HiveConf conf;

    private HiveSite(Path file, HiveConf conf) {
        this.file = file;
        this.conf = conf;
    }

    /**
     * Reads {@code <confDir>/hive-site.xml}; refuses a missing file and a missing
     * {@code hive.metastore.uris}, because without them the Hive client silently starts an
     * embedded metastore on a local Derby database instead of connecting.
     */
    public static HiveSite load(Path confDir) {
        Path file = confDir.toAbsolutePath().normalize().resolve(HiveCatalog.HIVE_SITE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new MetastoreConfigurationException("No " + HiveCatalog.HIVE_SITE_FILE + " in " + file.getParent()
                    + "; point " + HiveCatalogOptions.CONF_DIR.key() + " at the directory holding it");
        }
        return read(file);
    }

    /**
     * The hive-site.xml of {@code confDir} if it names a metastore; empty if there is no such file
     * or its {@code hive.metastore.uris} is unset (e.g. the commented template in Ferry's conf/).
     *
     * @throws MetastoreConfigurationException if the file exists but cannot be read
     */
    public static Optional<HiveSite> loadIfNamesMetastore(Path confDir) {
        Path file = confDir.toAbsolutePath().normalize().resolve(HiveCatalog.HIVE_SITE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file));
        } catch (NoMetastoreUrisException e) {
            return Optional.empty();
        }
    }

    private static HiveSite read(Path file) {
        HiveConf conf;
        String uris;
        try {
            conf = HiveCatalog.createHiveConf(file.getParent().toString(), null);
            uris = conf.getVar(HiveConf.ConfVars.METASTOREURIS);
        } catch (RuntimeException e) {
            // Hadoop's Configuration parses lazily: a broken file fails on the first read.
            throw new MetastoreConfigurationException("Cannot read " + file + ": " + rootMessage(e)
                    + "; fix the XML (a template ships in Ferry's conf/)");
        }
        if (uris == null || uris.isBlank()) {
            throw new NoMetastoreUrisException(
                    "No hive.metastore.uris in " + file + "; set it to the metastore's thrift://host:port");
        }
        return new HiveSite(file, conf);
    }

    /** A readable hive-site.xml that names no metastore. */
    private static final class NoMetastoreUrisException extends MetastoreConfigurationException {

        private static final long serialVersionUID = 1L;

        NoMetastoreUrisException(String message) {
            super(message);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("");
    }

    /** The hive-site.xml this configuration was read from. */
    public Path file() {
        return file;
    }

    /** The metastore URI(s) as written in hive-site.xml, comma-separated if several. */
    public String metastoreUris() {
        return conf.getVar(HiveConf.ConfVars.METASTOREURIS);
    }

    /** A copy, so that callers can tune client settings without affecting each other. */
    public HiveConf copyOfConf() {
        return new HiveConf(conf);
    }
}
