package dev.ferry.sandbox.metastore;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the sandbox's metastore process needs to know.
 *
 * @param dbType where the catalog is kept
 * @param dataDir the metastore's own directory in the sandbox (database, schema marker)
 * @param confDir holds metastore-site.xml; first on the metastore's class path
 * @param thriftPort where clients connect
 * @param defaultFs the sandbox HDFS, home of the warehouse
 * @param jdbcUrl the database, see {@link MetastoreDbType#jdbcUrl}
 */
public record MetastoreSettings(
        MetastoreDbType dbType, Path dataDir, Path confDir, int thriftPort, URI defaultFs, String jdbcUrl) {

    /** Settings with the database type's default JDBC URL. */
    public MetastoreSettings(MetastoreDbType dbType, Path dataDir, Path confDir, int thriftPort, URI defaultFs) {
        this(dbType, dataDir, confDir, thriftPort, defaultFs, dbType.jdbcUrl(dataDir));
    }

    public String warehouseDir() {
        return defaultFs.resolve("/user/hive/warehouse").toString();
    }

    public String thriftUri() {
        return "thrift://localhost:" + thriftPort;
    }
}
