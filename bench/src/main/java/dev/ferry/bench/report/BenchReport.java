package dev.ferry.bench.report;

import dev.ferry.bench.report.BenchDescription.Comparison;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bench's runs as results.md (summary table, method, every run), results.csv (every run) and
 * {@code <name>.png} (min, median and max per variant, drawn by XChart).
 */
public final class BenchReport {

    /** The three files a report is written to. */
    public record ReportFiles(Path markdown, Path csv, Path chart) {
        public List<Path> all() {
            return List.of(markdown, csv, chart);
        }
    }

    private final BenchDescription description;
    private final List<BenchRun> runs;
    private final LoadAverage before;
    private final LoadAverage after;
    private final Instant started;
    private final Instant finished;

    public BenchReport(
            BenchDescription description,
            List<BenchRun> runs,
            LoadAverage before,
            LoadAverage after,
            Instant started,
            Instant finished) {
        this.description = description;
        this.runs = List.copyOf(runs);
        this.before = before;
        this.after = after;
        this.started = started;
        this.finished = finished;
    }

    public BenchDescription description() {
        return description;
    }

    public List<BenchRun> runs() {
        return runs;
    }

    public LoadAverage loadBefore() {
        return before;
    }

    public LoadAverage loadAfter() {
        return after;
    }

    /** One summary per variant, in the order the variants first ran. */
    public List<BenchSummary> summaries() {
        Map<BenchVariant, List<BenchRun>> byVariant = new LinkedHashMap<>();
        for (BenchRun run : runs) {
            byVariant.computeIfAbsent(run.variant(), v -> new ArrayList<>()).add(run);
        }
        return byVariant.entrySet().stream()
                .map(e -> BenchSummary.of(e.getKey(), e.getValue()))
                .toList();
    }

    /** Median of {@code of} / median of {@code against}, if both variants ran. */
    public Optional<Double> ratio(Comparison comparison) {
        Optional<BenchSummary> of = summary(comparison.of());
        Optional<BenchSummary> against = summary(comparison.against());
        if (of.isEmpty() || against.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of.get().median() / against.get().median());
    }

    private Optional<BenchSummary> summary(String variantId) {
        return summaries().stream()
                .filter(s -> s.variant().id().equals(variantId))
                .findFirst();
    }

    public ReportFiles writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            ReportFiles files = new ReportFiles(
                    dir.resolve("results.md"), dir.resolve("results.csv"), dir.resolve(description.name() + ".png"));
            Files.writeString(files.csv(), csv());
            Files.writeString(files.markdown(), markdown());
            chart(files.chart());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bench report to " + dir + ": " + e.getMessage(), e);
        }
    }

    public String csv() {
        StringBuilder csv = new StringBuilder("variant,label,run,seconds,completed,detail,note,load1,finished\n");
        for (BenchRun r : runs) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%.3f,%b,%s,%s,%.2f,%s%n",
                    r.variant().id(),
                    csvField(r.variant().label()),
                    r.index(),
                    r.seconds(),
                    r.completed(),
                    csvField(r.detail()),
                    csvField(r.note()),
                    r.load1(),
                    r.finished()));
        }
        return csv.toString();
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"").replace('\n', ' ') + "\"";
        }
        return value;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# " + description.title() + "\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Run %s, %.1f min, %d CPU cores. Load average (1/5/15 min) before: %s, after: %s.%n%n",
                started,
                Duration.between(started, finished).toSeconds() / 60.0,
                Runtime.getRuntime().availableProcessors(),
                before,
                after));
        md.append(table());
        List<String> ratios = ratioLines();
        if (!ratios.isEmpty()) {
            md.append("\nMedians compared:\n\n");
            ratios.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        md.append("\nMethod:\n\n");
        description.method().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nVariants:\n\n");
        summaries()
                .forEach(s -> md.append("- ")
                        .append(s.variant().title())
                        .append(": ")
                        .append(s.variant().description())
                        .append('\n'));
        md.append("\nEvery run, in the order they ran:\n\n");
        runs.forEach(r -> md.append("- ").append(r).append('\n'));
        md.append("\nRerun: `").append(description.rerun()).append("`\n");
        return md.toString();
    }

    /** The summary as a Markdown table. */
    public String table() {
        boolean details = !description.detailsHeader().isEmpty();
        StringBuilder md = new StringBuilder("| variant | runs | " + description.completedHeader()
                + " | median s | min s | max s |" + (details ? " " + description.detailsHeader() + " |" : "") + "\n");
        md.append("|---|---|---|---|---|---|").append(details ? "---|" : "").append('\n');
        for (BenchSummary s : summaries()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %s | %s |",
                    s.variant().title(),
                    s.runs(),
                    s.completed(),
                    seconds(s.median()),
                    seconds(s.min()),
                    seconds(s.max())));
            md.append(details ? " " + s.details() + " |" : "").append('\n');
        }
        return md.toString();
    }

    /** "A / B = 0.55 (A 3.1 s, B 5.6 s)" for every comparison whose variants both ran. */
    public List<String> ratioLines() {
        List<String> lines = new ArrayList<>();
        for (Comparison c : description.comparisons()) {
            ratio(c).ifPresent(r -> lines.add(String.format(
                    Locale.ROOT,
                    "%s / %s = %.2f (%s s against %s s)",
                    c.of(),
                    c.against(),
                    r,
                    seconds(summary(c.of()).orElseThrow().median()),
                    seconds(summary(c.against()).orElseThrow().median()))));
        }
        return lines;
    }

    /** Seconds with two decimals below 10 s (sub-second results need them), one above. */
    static String seconds(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    /** Grouped bars: min, median and max seconds per variant. */
    private void chart(Path png) throws IOException {
        // Gateways and CI machines have no display; AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
        List<BenchSummary> summaries = summaries();
        List<String> labels = summaries.stream().map(s -> s.variant().title()).toList();
        int perVariant = summaries.stream().mapToInt(BenchSummary::runs).max().orElse(0);
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(800, 220 * labels.size()))
                .height(500)
                .title(description.title() + " (" + perVariant + " runs each)")
                .xAxisTitle("variant")
                .yAxisTitle("seconds")
                .build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setDecimalPattern("#0.00");
        if (labels.size() > 3) {
            // Five long variant names side by side overlap; slanted they stay readable.
            chart.getStyler().setXAxisLabelRotation(20);
        }
        chart.addSeries(
                "min", labels, summaries.stream().map(s -> zeroIfNaN(s.min())).toList());
        chart.addSeries(
                "median",
                labels,
                summaries.stream().map(s -> zeroIfNaN(s.median())).toList());
        chart.addSeries(
                "max", labels, summaries.stream().map(s -> zeroIfNaN(s.max())).toList());
        String file = png.toString();
        // XChart appends the extension itself.
        BitmapEncoder.saveBitmap(
                chart, file.substring(0, file.length() - ".png".length()), BitmapEncoder.BitmapFormat.PNG);
    }

    private static Number zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
