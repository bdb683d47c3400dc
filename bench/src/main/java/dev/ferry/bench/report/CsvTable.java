package dev.ferry.bench.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A results.csv: a header and a row per run. A field is quoted only where it has to be (a comma or
 * a quote in it); a line break becomes a space, so that every run stays one line.
 */
public final class CsvTable {

    private final StringBuilder csv = new StringBuilder();

    public CsvTable(String... header) {
        row((Object[]) header);
    }

    public CsvTable row(Object... fields) {
        csv.append(Arrays.stream(fields).map(CsvTable::field).collect(Collectors.joining(",")))
                .append('\n');
        return this;
    }

    private static String field(Object value) {
        String text = String.valueOf(value).replace('\n', ' ');
        if (text.contains(",") || text.contains("\"")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return csv.toString();
    }
}
