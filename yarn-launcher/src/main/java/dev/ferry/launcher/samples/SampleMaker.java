package dev.ferry.launcher.samples;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.samples.SampleStore.Taken;
import dev.ferry.sql.SampleColumn;
import dev.ferry.sql.SampleException;
import dev.ferry.sql.SampleWriter;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Takes samples: from a table or a query, by a batch job in a session that writes the rows
 * straight to the cluster file system, or from a local CSV or JSON-lines file, checked against
 * the columns it is said to have.
 */
public final class SampleMaker {

    /** The columns of a sample made from a file: those of a table, or a column list. */
    public record FileColumns(Optional<String> likeTable, Optional<String> definition) {}

    /** The gateway's SQL set-up (Hive catalog, file systems) for a writer into a session, or none. */
    @FunctionalInterface
    public interface SampleWriters {
        SampleWriter create(Optional<ApplicationReport> session, String jobName);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SampleStore store;
    private final SampleWriters writers;
    private final ClusterObserver observer;
    private final ClusterFiles files;

    public SampleMaker(SampleStore store, SampleWriters writers, ClusterObserver observer, ClusterFiles files) {
        this.store = store;
        this.writers = writers;
        this.observer = observer;
        this.files = files;
    }

    /** Takes the first {@code rows} rows of {@code table}, or of the query, in {@code session}. */
    public Sample take(
            String name, String session, SampleWriter.Source source, int rows, Duration timeout, boolean replace) {
        store.checkFree(name, replace);
        SampleWriter writer = writers.create(Optional.of(observer.requireLive(session)), "ferry-sample-" + name);
        return store.save(
                name,
                replace,
                data -> new Taken(source.describe(), "json", writing(() -> writer.write(source, rows, data, timeout))));
    }

    /** Stores a local CSV (its first line names the columns) or JSON-lines file as a sample. */
    public Sample fromFile(String name, Path file, FileColumns columnSource, boolean replace) {
        String format = formatOf(file);
        String text = read(file);
        store.checkFree(name, replace);
        List<SampleColumn> columns = columns(columnSource);
        String rows = format.equals("csv") ? csvRows(file, text, columns) : checkedJsonRows(file, text, columns);
        return store.save(name, replace, data -> {
            files.write(data + "/rows." + format, rows.getBytes(StandardCharsets.UTF_8));
            return new Taken("file " + file.getFileName(), format, columns);
        });
    }

    private List<SampleColumn> columns(FileColumns source) {
        SampleWriter writer = writers.create(Optional.empty(), "ferry-sample-columns");
        return writing(() -> source.likeTable().isPresent()
                ? writer.columnsOfTable(source.likeTable().get())
                : writer.columnsOfDefinition(source.definition().orElseThrow()));
    }

    private static <T> T writing(Supplier<T> work) {
        try {
            return work.get();
        } catch (SampleException e) {
            throw new FerryException(ExitCode.USAGE, e.getMessage() + " (no sample was taken)", e);
        } catch (SampleException.Late e) {
            throw new FerryException(ExitCode.TIMEOUT, e.getMessage(), e);
        }
    }

    private static String formatOf(Path file) {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".csv")) {
            return "csv";
        }
        if (fileName.endsWith(".json") || fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson")) {
            return "json";
        }
        throw new FerryException(
                ExitCode.USAGE,
                file + " is neither .csv nor .json: give a CSV file whose first line names the columns, or a file of"
                        + " one JSON object per line");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new FerryException(ExitCode.USAGE, "File " + file + " does not exist: give the sample's rows", e);
        } catch (MalformedInputException e) {
            throw new FerryException(ExitCode.USAGE, file + " is not UTF-8 text: give CSV or JSON lines", e);
        } catch (IOException e) {
            throw new FerryException(ExitCode.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rows without the header, which must name the columns in order (Flink's CSV format has no header). */
    private static String csvRows(Path file, String text, List<SampleColumn> columns) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        String expected = names(columns);
        String header = lines.isEmpty()
                ? ""
                : Arrays.stream(lines.get(0).split(",", -1))
                        .map(field -> field.strip().replace("\"", ""))
                        .collect(Collectors.joining(", "));
        if (!header.equals(expected)) {
            throw new FerryException(
                    ExitCode.USAGE,
                    file + "'s first line names the columns " + (header.isEmpty() ? "(none)" : header)
                            + ", not the sample's " + expected + ": make it the header of those columns, in order");
        }
        return lines.stream().skip(1).map(line -> line + "\n").collect(Collectors.joining());
    }

    /** Each line one JSON object whose fields are all columns; missing fields read as NULL. */
    private static String checkedJsonRows(Path file, String text, List<SampleColumn> columns) {
        List<String> names = columns.stream().map(SampleColumn::name).toList();
        List<String> lines = text.lines().toList();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row = parse(file, i + 1, lines.get(i));
            for (Iterator<String> fields = row.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!names.contains(field)) {
                    throw new FerryException(
                            ExitCode.USAGE,
                            file + " line " + (i + 1) + ": field '" + field + "' is not a column of the sample ("
                                    + names(columns) + "): remove it or give the columns it has");
                }
            }
            rows.append(lines.get(i).strip()).append('\n');
        }
        return rows.toString();
    }

    private static JsonNode parse(Path file, int line, String text) {
        try {
            JsonNode row = JSON.readTree(text);
            if (row != null && row.isObject()) {
                return row;
            }
        } catch (IOException e) {
            // reported below, as any line that is no object
        }
        throw new FerryException(
                ExitCode.USAGE,
                file + " line " + line + " is not a JSON object: give one object per line, e.g. {\"id\": 1}");
    }

    private static String names(List<SampleColumn> columns) {
        return columns.stream().map(SampleColumn::name).collect(Collectors.joining(", "));
    }
}
