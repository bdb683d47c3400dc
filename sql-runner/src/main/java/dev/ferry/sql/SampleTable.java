package dev.ferry.sql;

import java.util.List;

/**
 * A table a debug run reads from a sample instead ({@code ferry sql --debug --source
 * TABLE=SAMPLE}).
 *
 * @param table the table as the operator named it: {@code db.orders}, {@code hive.db.orders} or
 *     {@code orders}, resolved like the script resolves it
 * @param sample the sample's name, for messages
 * @param dataPath the directory of the sample's rows on the cluster file system
 * @param format Flink's format of the rows there: {@code json} or {@code csv}
 * @param columns the sample's columns
 */
public record SampleTable(String table, String sample, String dataPath, String format, List<SampleColumn> columns) {

    public SampleTable {
        columns = List.copyOf(columns);
    }

    String describe() {
        return table + "=" + sample;
    }
}
