package dev.ferry.sql;

import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;

import java.util.List;

/**
 * One column of a sample: its name and its type as Flink SQL writes it ({@code BIGINT},
 * {@code VARCHAR(2147483647)}), always nullable and without time attributes, so a sample taken
 * from a table compares equal to the table whatever its constraints and watermarks.
 */
public record SampleColumn(String name, String type) {

    /** The columns a SELECT * of {@code schema} returns, computed ones included. */
    public static List<SampleColumn> of(ResolvedSchema schema) {
        return schema.getColumns().stream()
                .map(column -> new SampleColumn(column.getName(), typeOf(column)))
                .toList();
    }

    static String typeOf(Column column) {
        LogicalType type = column.getDataType().getLogicalType().copy(true);
        return type.asSerializableString();
    }
}
