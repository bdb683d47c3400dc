package dev.ferry.sandbox.metastore;

import java.nio.file.Path;
import java.util.Locale;

/** Databases the sandbox's Hive Metastore can keep its catalog in. */
public enum MetastoreDbType {

    /** Embedded Derby in the sandbox's data directory: nothing to install. */
    DERBY("derby", "org.apache.derby.jdbc.EmbeddedDriver");

    private final String schemaToolName;
    private final String driverClass;

    MetastoreDbType(String schemaToolName, String driverClass) {
        this.schemaToolName = schemaToolName;
        this.driverClass = driverClass;
    }

    /** The {@code -dbType} of the schematool, also the name used in options. */
    public String schemaToolName() {
        return schemaToolName;
    }

    public String driverClass() {
        return driverClass;
    }

    public String jdbcUrl(Path metastoreDataDir) {
        return "jdbc:derby:;databaseName=" + databaseDir(metastoreDataDir) + ";create=true";
    }

    /** Where the database files live, so that a failed schema initialisation can be wiped. */
    public Path databaseDir(Path metastoreDataDir) {
        return metastoreDataDir.resolve("metastore_db");
    }

    public static MetastoreDbType fromName(String name) {
        for (MetastoreDbType type : values()) {
            if (type.schemaToolName.equals(name.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown metastore database type '" + name + "'; supported: derby");
    }
}
