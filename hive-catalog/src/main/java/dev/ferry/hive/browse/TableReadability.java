package dev.ferry.hive.browse;

import org.apache.flink.table.catalog.hive.HiveCatalog;
import org.apache.hadoop.hive.metastore.api.Table;

/**
 * Whether Hive and Spark can read a table: decided exactly as Flink's HiveCatalog decides
 * between a Hive table and a generic Flink table (is_generic, flink.connector, ...).
 */
final class TableReadability {

    private TableReadability() {}

    static boolean readableByHiveAndSpark(Table table) {
        // HiveCatalog.isHiveTable removes is_generic from the parameters it is given: use a copy.
        return HiveCatalog.isHiveTable(table.deepCopy());
    }
}
