package dev.ferry.launcher.samples;

import dev.ferry.sql.SampleColumn;
import dev.ferry.sql.SampleTable;

import java.util.List;

/**
 * A sample of a table: a few of its rows on the cluster file system, with their columns, for debug
 * runs to read instead of the table.
 *
 * @param source where the rows came from: {@code table hive.db.orders}, {@code query 'SELECT ...'} or
 *     {@code file orders.csv}
 * @param format Flink's format of the stored rows: {@code json} (taken by a job) or {@code csv}
 * @param dataPath the directory of the rows
 */
public record Sample(
        String name,
        String source,
        String format,
        long rows,
        List<SampleColumn> columns,
        long createdAt,
        String dataPath) {

    public Sample {
        columns = List.copyOf(columns);
    }

    /** This sample standing for {@code table} in a debug run. */
    public SampleTable standingFor(String table) {
        return new SampleTable(table, name, dataPath, format, columns);
    }
}
