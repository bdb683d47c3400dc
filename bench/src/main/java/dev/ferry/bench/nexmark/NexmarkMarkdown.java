package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.BenchPeriod;
import dev.ferry.bench.report.MarkdownDocument;
import dev.ferry.bench.report.MarkdownTable;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** results.md of a Nexmark bench: the conditions, the per-query table, the goals, the variants and how to rerun. */
final class NexmarkMarkdown {

    private static final double GOAL = 1.3;
    private static final double FLOOR = 0.95;

    private NexmarkMarkdown() {}

    static MarkdownDocument of(NexmarkReport report) {
        return new MarkdownDocument("Nexmark: " + report.settings().comparison().title())
                .paragraph(conditions(report))
                .paragraph("Events/s per core = events / job run time (JobManager: submission to finish) / parallelism;"
                        + " K = thousand. Ratio = A median / B median.")
                .table(table(report))
                .paragraph(goals(report))
                .list(
                        "Variants (both: streaming mode, same events and parallelism, no checkpoints):",
                        report.variants().stream().map(NexmarkMarkdown::variant).toList())
                .rerun(report.settings().rerunCommand());
    }

    private static String conditions(NexmarkReport report) {
        BenchSettings s = report.settings();
        BenchPeriod period = report.period();
        return String.format(
                Locale.ROOT,
                "Run %s, %.1f min, on %s; client with %d CPU cores, Java %s. %,d events per run, parallelism %d, "
                        + "%d warm-up and %d measured runs per query and variant, A and B alternating. %s",
                period.started(),
                period.minutes(),
                report.where(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                s.events(),
                s.parallelism(),
                s.warmups(),
                s.runs(),
                period.load());
    }

    private static MarkdownTable table(NexmarkReport report) {
        MarkdownTable table = new MarkdownTable(
                "query", "stateful", "A median K/s", "A min", "A max", "B median K/s", "B min", "B max", "A/B", "note");
        for (QuerySummary q : report.summaries()) {
            table.row(
                    q.query().name() + " " + q.query().title(),
                    q.query().stateful() ? "yes" : "",
                    k(q.ferry().median()),
                    k(q.ferry().min()),
                    k(q.ferry().max()),
                    k(q.stock().median()),
                    k(q.stock().min()),
                    k(q.stock().max()),
                    q.measured() ? String.format(Locale.ROOT, "%.2f", q.ratio()) : "-",
                    q.note().orElse(""));
        }
        return table;
    }

    private static String goals(NexmarkReport report) {
        List<QuerySummary> measured =
                report.summaries().stream().filter(QuerySummary::measured).toList();
        Comparison comparison = report.settings().comparison();
        if (comparison == Comparison.METRICS) {
            return String.format(
                    Locale.ROOT,
                    "Geometric mean of A/B over the %d measured queries: **%.2f** (goal ≥ %.2f); lowest %.2f.",
                    measured.size(),
                    report.geometricMean(),
                    comparison.goal(),
                    measured.stream().mapToDouble(QuerySummary::ratio).min().orElse(Double.NaN));
        }
        List<QuerySummary> stateful =
                measured.stream().filter(q -> q.query().stateful()).toList();
        return String.format(
                Locale.ROOT,
                "Geometric mean of A/B over the %d measured queries: **%.2f** (goal ≥ %.1f). Over the stateful ones:"
                        + " %.2f; %d of %d stateful queries ≥ %.1f; %d queries below %.2f (goal: none).",
                measured.size(),
                report.geometricMean(),
                GOAL,
                report.statefulGeometricMean(),
                stateful.stream().filter(q -> q.ratio() >= GOAL).count(),
                stateful.size(),
                GOAL,
                measured.stream().filter(q -> q.ratio() < FLOOR).count(),
                FLOOR);
    }

    private static String variant(Variant v) {
        StringBuilder line = new StringBuilder(v.id() + ": " + v.label());
        Map<String, String> options = new TreeMap<>(v.options());
        if (!options.isEmpty()) {
            line.append(": ");
            options.forEach((key, value) ->
                    line.append('`').append(key).append('=').append(value).append("` "));
        }
        Map<String, String> clusterOptions = new TreeMap<>(v.clusterOptions());
        if (!clusterOptions.isEmpty()) {
            line.append("; on a cluster of its own with ");
            clusterOptions.forEach((key, value) ->
                    line.append('`').append(key).append('=').append(value).append("` "));
        }
        return line.toString().strip();
    }

    private static String k(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.0f", perSecond / 1000);
    }
}
