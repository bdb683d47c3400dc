package dev.ferry.launcher.cli.sql;

import dev.ferry.launcher.cli.output.Json;
import dev.ferry.sql.QueryListener;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ferry sql -o json}: each row as it arrives, one JSON object per line, {@code {"query": 0,
 * "row": {"op": "+I", "k": "2", "c": "7"}}}, numbered by the query it belongs to (0 for the
 * script's first). Values are strings as Flink prints them, NULL as null.
 */
final class JsonRowPrinter implements QueryListener {

    private final PrintWriter out;
    private int query = -1;
    private List<String> columns = List.of();

    JsonRowPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(String sql, List<String> columns) {
        query++;
        this.columns = List.copyOf(columns);
    }

    @Override
    public void row(List<String> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            values.put(i < columns.size() ? columns.get(i) : "column" + i, row.get(i));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("query", query);
        line.put("row", values);
        Json.printLine(out, line);
    }
}
