package dev.ferry.hive.browse;

import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.metastore.MetastoreConnection;

import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.NoSuchObjectException;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.thrift.TException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Read-only views of the metastore's databases and tables, over one fail-fast connection.
 * Not thread-safe (neither is the Hive client).
 */
public final class CatalogBrowser implements AutoCloseable {

    /** How many partition names {@link #describe} returns. */
    public static final int PARTITION_NAMES_SHOWN = 10;

    private final MetastoreConnection connection;

    public CatalogBrowser(MetastoreConnection connection) {
        this.connection = connection;
    }

    /** Connects to the metastore of {@code site}. */
    public static CatalogBrowser open(HiveSite site, Duration timeout) {
        return new CatalogBrowser(MetastoreConnection.open(site, timeout));
    }

    /** All database names, sorted. */
    public List<String> databases() {
        try {
            return connection.client().getAllDatabases().stream().sorted().toList();
        } catch (TException e) {
            throw connection.callFailed("list databases", e);
        }
    }

    /** All table and view names of {@code database}, sorted. */
    public List<String> tables(String database) {
        requireDatabase(database);
        try {
            return connection.client().getAllTables(database).stream().sorted().toList();
        } catch (TException e) {
            throw connection.callFailed("list the tables of '" + database + "'", e);
        }
    }

    public TableDescription describe(String database, String table) {
        Table hiveTable = fetchTable(database, table);
        StorageDescriptor sd = hiveTable.getSd();
        return new TableDescription(
                database,
                hiveTable.getTableName(),
                nullToEmpty(hiveTable.getOwner()),
                nullToEmpty(hiveTable.getTableType()),
                columns(sd == null ? null : sd.getCols()),
                columns(hiveTable.getPartitionKeys()),
                partitions(hiveTable),
                storage(sd),
                hiveTable.getParameters() == null ? Map.of() : hiveTable.getParameters(),
                TableReadability.readableByHiveAndSpark(hiveTable));
    }

    private Table fetchTable(String database, String table) {
        try {
            return connection.client().getTable(database, table);
        } catch (NoSuchObjectException e) {
            requireDatabase(database);
            throw new NoSuchTableException("Table '" + database + "." + table + "' does not exist; tables in '"
                    + database + "': " + NameList.of(tables(database)));
        } catch (TException e) {
            throw connection.callFailed("read table '" + database + "." + table + "'", e);
        }
    }

    private void requireDatabase(String database) {
        try {
            connection.client().getDatabase(database);
        } catch (NoSuchObjectException e) {
            throw new NoSuchDatabaseException("Database '" + database + "' does not exist in the Hive Metastore at "
                    + connection.site().metastoreUris() + "; existing databases: " + NameList.of(databases()));
        } catch (TException e) {
            throw connection.callFailed("read database '" + database + "'", e);
        }
    }

    private Partitions partitions(Table table) {
        if (table.getPartitionKeysSize() == 0) {
            return new Partitions(0, List.of());
        }
        try {
            // The 2.3 client has no cheap count call that works for every key type: list the names.
            List<String> names =
                    connection.client().listPartitionNames(table.getDbName(), table.getTableName(), (short) -1);
            return new Partitions(names.size(), names.subList(0, Math.min(PARTITION_NAMES_SHOWN, names.size())));
        } catch (TException e) {
            throw connection.callFailed(
                    "list the partitions of '" + table.getDbName() + "." + table.getTableName() + "'", e);
        }
    }

    private static List<Column> columns(List<FieldSchema> fields) {
        if (fields == null) {
            return List.of();
        }
        return fields.stream()
                .map(field -> new Column(field.getName(), field.getType(), nullToEmpty(field.getComment())))
                .toList();
    }

    private static StorageFormat storage(StorageDescriptor sd) {
        if (sd == null) {
            return new StorageFormat("", "", "", "");
        }
        SerDeInfo serde = sd.getSerdeInfo();
        return new StorageFormat(
                nullToEmpty(sd.getInputFormat()),
                nullToEmpty(sd.getOutputFormat()),
                serde == null ? "" : nullToEmpty(serde.getSerializationLib()),
                nullToEmpty(sd.getLocation()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        connection.close();
    }
}
