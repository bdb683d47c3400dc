package dev.ferry.sandbox.metastore;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Databases the sandbox's Hive Metastore can keep its catalog in. */
public enum MetastoreDbType {

    /** Embedded Derby in the sandbox's data directory: nothing to install. */
    DERBY("derby", "org.apache.derby.jdbc.EmbeddedDriver", "APP", "mine"),

    /**
     * A local PostgreSQL, as a production metastore would use: several processes can share it
     * and it survives deleting the sandbox directory. sandbox/bin/install-postgres.sh installs
     * it and creates the role and database of {@link #DEFAULT_POSTGRES_URL}.
     */
    POSTGRES("postgres", "org.postgresql.Driver", "ferry", "ferry");

    /** What install-postgres.sh creates; the password is the sandbox's, never a real one. */
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://localhost:5432/ferry_metastore";

    private final String schemaToolName;
    private final String driverClass;
    private final String user;
    private final String password;

    MetastoreDbType(String schemaToolName, String driverClass, String user, String password) {
        this.schemaToolName = schemaToolName;
        this.driverClass = driverClass;
        this.user = user;
        this.password = password;
    }

    /** The {@code -dbType} of the schematool, also the name used in options. */
    public String schemaToolName() {
        return schemaToolName;
    }

    public String driverClass() {
        return driverClass;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL used when none is configured. */
    public String jdbcUrl(Path metastoreDataDir) {
        return switch (this) {
            case DERBY -> "jdbc:derby:;databaseName=" + metastoreDataDir.resolve("metastore_db") + ";create=true";
            case POSTGRES -> DEFAULT_POSTGRES_URL;
        };
    }

    /**
     * Where the database files live, so that a failed schema initialisation can be wiped; empty
     * for a database server, whose data the sandbox does not own.
     */
    public Optional<Path> databaseDir(Path metastoreDataDir) {
        return this == DERBY ? Optional.of(metastoreDataDir.resolve("metastore_db")) : Optional.empty();
    }

    public static MetastoreDbType fromName(String name) {
        for (MetastoreDbType type : values()) {
            if (type.schemaToolName.equals(name.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "Unknown metastore database type '" + name + "'; supported: derby, postgres");
    }
}
