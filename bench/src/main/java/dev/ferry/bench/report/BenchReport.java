package dev.ferry.bench.report;

import dev.ferry.bench.report.BenchDescription.Comparison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A timed bench's runs (deploy, submit, failover) as results.md (summary table, method, every
 * run), results.csv (every run) and {@code <name>.png} (min, median and max per variant).
 */
public final class BenchReport {

    private final BenchDescription description;
    private final List<BenchRun> runs;
    private final BenchPeriod period;

    public BenchReport(BenchDescription description, List<BenchRun> runs, BenchPeriod period) {
        this.description = description;
        this.runs = List.copyOf(runs);
        this.period = period;
    }

    public BenchDescription description() {
        return description;
    }

    public List<BenchRun> runs() {
        return runs;
    }

    public BenchPeriod period() {
        return period;
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
        return Optional.of(of.get().seconds().median() / against.get().seconds().median());
    }

    private Optional<BenchSummary> summary(String variantId) {
        return summaries().stream()
                .filter(s -> s.variant().id().equals(variantId))
                .findFirst();
    }

    public ReportFiles writeTo(Path dir) {
        return ReportFiles.write(dir, description.name(), markdown(), csv(), chart());
    }

    public CsvTable csv() {
        CsvTable csv =
                new CsvTable("variant", "label", "run", "seconds", "completed", "detail", "note", "load1", "finished");
        for (BenchRun r : runs) {
            csv.row(
                    r.variant().id(),
                    r.variant().label(),
                    r.index(),
                    String.format(Locale.ROOT, "%.3f", r.seconds()),
                    r.completed(),
                    r.detail(),
                    r.note(),
                    String.format(Locale.ROOT, "%.2f", r.load1()),
                    r.finished());
        }
        return csv;
    }

    public MarkdownDocument markdown() {
        return new MarkdownDocument(description.title())
                .paragraph(String.format(
                        Locale.ROOT,
                        "Run %s, %.1f min, %d CPU cores. %s",
                        period.started(),
                        period.minutes(),
                        Runtime.getRuntime().availableProcessors(),
                        period.load()))
                .table(table())
                .list("Medians compared:", ratioLines())
                .list("Method:", description.method())
                .list(
                        "Variants:",
                        summaries().stream()
                                .map(s ->
                                        s.variant().title() + ": " + s.variant().description())
                                .toList())
                .list(
                        "Every run, in the order they ran:",
                        runs.stream().map(BenchRun::toString).toList())
                .rerun(description.rerun());
    }

    /** The summary as a Markdown table; the details column only where the bench has details. */
    public MarkdownTable table() {
        boolean details = !description.detailsHeader().isEmpty();
        List<String> header = new ArrayList<>(
                List.of("variant", "runs", description.completedHeader(), "median s", "min s", "max s"));
        if (details) {
            header.add(description.detailsHeader());
        }
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (BenchSummary s : summaries()) {
            Statistics t = s.seconds();
            List<Object> cells = new ArrayList<>(List.of(
                    s.variant().title(),
                    s.runs(),
                    s.completed(),
                    seconds(t.median()),
                    seconds(t.min()),
                    seconds(t.max())));
            if (details) {
                cells.add(s.details());
            }
            table.row(cells.toArray());
        }
        return table;
    }

    /** "A / B = 0.55 (3.10 s against 5.60 s)" for every comparison whose variants both ran. */
    public List<String> ratioLines() {
        List<String> lines = new ArrayList<>();
        for (Comparison c : description.comparisons()) {
            ratio(c).ifPresent(r -> lines.add(String.format(
                    Locale.ROOT,
                    "%s / %s = %.2f (%s s against %s s)",
                    c.of(),
                    c.against(),
                    r,
                    seconds(summary(c.of()).orElseThrow().seconds().median()),
                    seconds(summary(c.against()).orElseThrow().seconds().median()))));
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
    private BarChart chart() {
        List<BenchSummary> summaries = summaries();
        int perVariant = summaries.stream().mapToInt(BenchSummary::runs).max().orElse(0);
        return new BarChart(
                        description.title() + " (" + perVariant + " runs each)",
                        "variant",
                        "seconds",
                        summaries.stream().map(s -> s.variant().title()).toList())
                .series("min", summaries.stream().map(s -> s.seconds().min()).toList())
                .series(
                        "median",
                        summaries.stream().map(s -> s.seconds().median()).toList())
                .series("max", summaries.stream().map(s -> s.seconds().max()).toList())
                .withValueLabels();
    }
}
