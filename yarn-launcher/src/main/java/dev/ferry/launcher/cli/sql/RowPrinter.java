package dev.ferry.launcher.cli.sql;

import dev.ferry.sql.QueryListener;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a query's rows as they arrive, as a streaming query's changelog runs: the statement's
 * first line (which query, or which INSERT of a debug run), a header, then one line per row, each
 * column as wide as its name or {@value #MIN_WIDTH} characters (the widest value is not known
 * before the query ends).
 */
final class RowPrinter implements QueryListener {

    private static final int MIN_WIDTH = 12;

    private final PrintWriter out;
    private List<Integer> widths = List.of();

    RowPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(String sql, List<String> columns) {
        List<Integer> newWidths = new ArrayList<>();
        columns.forEach(column -> newWidths.add(Math.max(MIN_WIDTH, column.length())));
        widths = newWidths;
        out.println("-- " + sql.strip().lines().findFirst().orElse(""));
        print(columns);
    }

    @Override
    public void row(List<String> row) {
        print(row);
    }

    private void print(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "NULL" : cells.get(i);
            line.append(i == cells.size() - 1 ? cell : String.format("%-" + widths.get(i) + "s  ", cell));
        }
        out.println(line.toString().stripTrailing());
        out.flush();
    }
}
