package dev.ferry.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The three files every bench writes to its results directory: results.md, results.csv, {@code <name>.png}. */
public record ReportFiles(Path markdown, Path csv, Path chart) {

    public static ReportFiles write(Path dir, String name, MarkdownDocument markdown, CsvTable csv, BarChart chart) {
        ReportFiles files =
                new ReportFiles(dir.resolve("results.md"), dir.resolve("results.csv"), dir.resolve(name + ".png"));
        try {
            Files.createDirectories(dir);
            Files.writeString(files.csv(), csv.toString());
            Files.writeString(files.markdown(), markdown.toString());
            chart.writePng(files.chart());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bench report to " + dir + ": " + e.getMessage(), e);
        }
    }

    public List<Path> all() {
        return List.of(markdown, csv, chart);
    }
}
