package dev.ferry.hive.testing;

import org.apache.hadoop.hive.metastore.IMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.thrift.TException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates databases, tables and partitions through the plain metastore client, as Hive's DDL does. */
public final class HiveTables {

    public static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    public static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    public static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    private HiveTables() {}

    public static void createDatabase(IMetaStoreClient client, String name, Path location) throws TException {
        client.createDatabase(
                new Database(name, "created by a test", location.toUri().toString(), new HashMap<>()));
    }

    /** An external text table partitioned by {@code partitionKeys}, with the given columns. */
    public static Table createTextTable(
            IMetaStoreClient client,
            String db,
            String name,
            Path location,
            List<FieldSchema> columns,
            List<FieldSchema> partitionKeys)
            throws TException {
        Table table = new Table();
        table.setDbName(db);
        table.setTableName(name);
        table.setOwner("analyst");
        table.setTableType("EXTERNAL_TABLE");
        table.setParameters(new HashMap<>(Map.of("EXTERNAL", "TRUE")));
        table.setPartitionKeys(new ArrayList<>(partitionKeys));
        table.setSd(textStorage(columns, location));
        int now = (int) (System.currentTimeMillis() / 1000);
        table.setCreateTime(now);
        client.createTable(table);
        return client.getTable(db, name);
    }

    /** Adds a partition below the table's location, e.g. values ["2024-01-01"] for key dt. */
    public static void addPartition(IMetaStoreClient client, Table table, List<String> values) throws TException {
        StringBuilder path = new StringBuilder(table.getSd().getLocation());
        for (int i = 0; i < values.size(); i++) {
            path.append('/')
                    .append(table.getPartitionKeys().get(i).getName())
                    .append('=')
                    .append(values.get(i));
        }
        StorageDescriptor sd = table.getSd().deepCopy();
        sd.setLocation(path.toString());
        int now = (int) (System.currentTimeMillis() / 1000);
        client.add_partition(
                new Partition(values, table.getDbName(), table.getTableName(), now, now, sd, new HashMap<>()));
    }

    private static StorageDescriptor textStorage(List<FieldSchema> columns, Path location) {
        SerDeInfo serde = new SerDeInfo(
                null, LAZY_SIMPLE_SERDE, new HashMap<>(Map.of("serialization.format", ",", "field.delim", ",")));
        StorageDescriptor sd = new StorageDescriptor();
        sd.setCols(new ArrayList<>(columns));
        sd.setLocation(location.toUri().toString());
        sd.setInputFormat(TEXT_INPUT);
        sd.setOutputFormat(TEXT_OUTPUT);
        sd.setSerdeInfo(serde);
        sd.setCompressed(false);
        sd.setNumBuckets(-1);
        sd.setBucketCols(new ArrayList<>());
        sd.setSortCols(new ArrayList<>());
        sd.setParameters(new HashMap<>());
        return sd;
    }
}
