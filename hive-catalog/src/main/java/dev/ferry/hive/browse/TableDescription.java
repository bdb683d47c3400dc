package dev.ferry.hive.browse;

import java.util.List;
import java.util.Map;

/**
 * What the metastore knows about one table.
 *
 * @param database database name
 * @param table table name
 * @param owner owner recorded by the creator
 * @param tableType {@code MANAGED_TABLE}, {@code EXTERNAL_TABLE}, {@code VIRTUAL_VIEW}, ...
 * @param columns data columns (empty for generic Flink tables)
 * @param partitionKeys partition columns, in order
 * @param partitions partition count and first names
 * @param storage formats and location
 * @param parameters table parameters (including Flink's {@code flink.*} keys)
 * @param readableByHiveAndSpark false for generic Flink tables: they keep their schema in
 *     {@code flink.*} parameters that Hive and Spark do not understand
 */
public record TableDescription(
        String database,
        String table,
        String owner,
        String tableType,
        List<Column> columns,
        List<Column> partitionKeys,
        Partitions partitions,
        StorageFormat storage,
        Map<String, String> parameters,
        boolean readableByHiveAndSpark) {

    public TableDescription {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        parameters = Map.copyOf(parameters);
    }
}
