package dev.ferry.launcher.cli.sample;

import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.samples.Sample;
import dev.ferry.sql.SampleColumn;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Samples as a table, one sample with its columns and rows, or JSON. */
public final class SamplePrinter {

    private SamplePrinter() {}

    static void printList(PrintWriter out, List<Sample> samples, boolean json) {
        if (json) {
            Json.print(out, samples.stream().map(SamplePrinter::toJson).toList());
            return;
        }
        Table table = new Table("NAME", "ROWS", "COLUMNS", "SOURCE", "TAKEN");
        samples.forEach(sample -> table.row(
                sample.name(),
                sample.rows(),
                sample.columns().stream().map(SampleColumn::name).collect(Collectors.joining(",")),
                sample.source(),
                Instant.ofEpochMilli(sample.createdAt())));
        table.print(out);
        out.flush();
    }

    /** A sample, and {@code rows} of it when given (show), as text or one JSON document. */
    static void printOne(PrintWriter out, Sample sample, List<String> rows, boolean json) {
        if (json) {
            Json.print(out, toJson(sample, rows));
            return;
        }
        out.println("Sample " + sample.name() + ": " + sample.rows() + " row(s) from " + sample.source() + ", taken "
                + Instant.ofEpochMilli(sample.createdAt()));
        out.println("Rows: " + sample.dataPath() + " (" + sample.format() + ")");
        Table columns = new Table("COLUMN", "TYPE");
        sample.columns().forEach(column -> columns.row(column.name(), column.type()));
        columns.print(out);
        if (!rows.isEmpty()) {
            out.println("First " + rows.size() + " row(s):");
            rows.forEach(out::println);
        }
        out.flush();
    }

    /** {@code sample create|show -o json}: the sample and its first rows as stored. */
    public static Map<String, Object> toJson(Sample sample, List<String> rows) {
        Map<String, Object> json = toJson(sample);
        json.put("firstRows", rows);
        return json;
    }

    private static Map<String, Object> toJson(Sample sample) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", sample.name());
        json.put("rows", sample.rows());
        json.put("source", sample.source());
        json.put("format", sample.format());
        json.put(
                "columns",
                sample.columns().stream()
                        .map(column -> Map.of("name", column.name(), "type", column.type()))
                        .toList());
        json.put("takenAt", Instant.ofEpochMilli(sample.createdAt()).toString());
        json.put("path", sample.dataPath());
        return json;
    }
}
