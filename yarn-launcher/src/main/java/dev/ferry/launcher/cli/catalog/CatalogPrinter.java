package dev.ferry.launcher.cli.catalog;

import dev.ferry.hive.metastore.MetastoreStatus;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output of {@code ferry catalog ping|databases|tables}; the JSON field names are documented in
 * docs/cli.md. Kept out of the command classes so that building the command tree for
 * {@code ferry --help} loads no Hive class.
 */
public final class CatalogPrinter {

    private CatalogPrinter() {}

    static void ping(PrintWriter out, MetastoreStatus status, boolean json) {
        if (json) {
            Json.print(out, pingJson(status));
            return;
        }
        out.println("Hive Metastore " + status.uri() + ": up, " + status.databaseCount() + " database"
                + (status.databaseCount() == 1 ? "" : "s") + ", answered in "
                + status.latency().toMillis() + " ms");
        out.flush();
    }

    static void databases(PrintWriter out, List<String> databases, boolean json) {
        if (json) {
            Json.print(out, databasesJson(databases));
            return;
        }
        Table table = new Table("DATABASE");
        databases.forEach(table::row);
        table.print(out);
    }

    static void tables(PrintWriter out, String database, List<String> tables, boolean json) {
        if (json) {
            Json.print(out, tablesJson(database, tables));
            return;
        }
        Table table = new Table("TABLE");
        tables.forEach(table::row);
        table.print(out);
    }

    /** {@code catalog ping -o json}; only printed when the metastore answered, hence {@code up} is always true. */
    public static Map<String, Object> pingJson(MetastoreStatus status) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("uri", status.uri());
        value.put("up", true);
        value.put("databases", status.databaseCount());
        value.put("latencyMs", status.latency().toMillis());
        return value;
    }

    /** {@code catalog databases -o json}. */
    public static Map<String, Object> databasesJson(List<String> databases) {
        return Map.of("databases", databases);
    }

    /** {@code catalog tables -o json}. */
    public static Map<String, Object> tablesJson(String database, List<String> tables) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("database", database);
        value.put("tables", tables);
        return value;
    }
}
