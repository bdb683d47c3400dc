package dev.ferry.launcher.cli.catalog;

import dev.ferry.hive.browse.Column;
import dev.ferry.hive.browse.TableDescription;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Output of {@code ferry catalog describe}; the JSON field names are documented in docs/cli.md. */
public final class TableDescriptionPrinter {

    private TableDescriptionPrinter() {}

    static void print(PrintWriter out, TableDescription table, boolean json) {
        if (json) {
            Json.print(out, toJson(table));
            return;
        }
        out.println("Table:          " + table.database() + "." + table.table());
        out.println("Owner:          " + orDash(table.owner()));
        out.println("Type:           " + orDash(table.tableType()));
        out.println("Hive and Spark: "
                + (table.readableByHiveAndSpark()
                        ? "can read it"
                        : "cannot read it (generic Flink table: its schema is kept in flink.* properties)"));
        out.println("Location:       " + orDash(table.storage().location()));
        out.println("Input format:   " + orDash(table.storage().inputFormat()));
        out.println("Output format:  " + orDash(table.storage().outputFormat()));
        out.println("SerDe:          " + orDash(table.storage().serde()));
        out.println("Partitions:     " + partitions(table));
        out.println();
        columns(out, "COLUMN", table.columns());
        if (!table.partitionKeys().isEmpty()) {
            out.println();
            columns(out, "PARTITION KEY", table.partitionKeys());
        }
        out.flush();
    }

    private static String partitions(TableDescription table) {
        if (table.partitionKeys().isEmpty()) {
            return "not partitioned";
        }
        int count = table.partitions().count();
        List<String> shown = table.partitions().firstNames();
        String names =
                shown.isEmpty() ? "" : " (" + String.join(", ", shown) + (count > shown.size() ? ", ..." : "") + ")";
        return count + names;
    }

    private static void columns(PrintWriter out, String header, List<Column> columns) {
        if (columns.isEmpty()) {
            out.println("No " + header.toLowerCase() + "s in the metastore.");
            return;
        }
        Table table = new Table(header, "TYPE", "COMMENT");
        columns.forEach(column -> table.row(column.name(), column.type(), orDash(column.comment())));
        table.print(out);
    }

    /** {@code catalog describe -o json}. */
    public static Map<String, Object> toJson(TableDescription table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", table.database());
        json.put("table", table.table());
        json.put("owner", table.owner());
        json.put("tableType", table.tableType());
        json.put("readableByHiveAndSpark", table.readableByHiveAndSpark());
        json.put(
                "columns",
                table.columns().stream()
                        .map(TableDescriptionPrinter::columnJson)
                        .toList());
        json.put(
                "partitionKeys",
                table.partitionKeys().stream()
                        .map(TableDescriptionPrinter::columnJson)
                        .toList());
        Map<String, Object> partitions = new LinkedHashMap<>();
        partitions.put("count", table.partitions().count());
        partitions.put("firstNames", table.partitions().firstNames());
        json.put("partitions", partitions);
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("location", table.storage().location());
        storage.put("inputFormat", table.storage().inputFormat());
        storage.put("outputFormat", table.storage().outputFormat());
        storage.put("serde", table.storage().serde());
        json.put("storage", storage);
        json.put("parameters", new TreeMap<>(table.parameters()));
        return json;
    }

    private static Map<String, Object> columnJson(Column column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", column.name());
        json.put("type", column.type());
        json.put("comment", column.comment());
        return json;
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
