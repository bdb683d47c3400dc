package dev.ferry.bench.nexmark;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** results.md: the per-query table, the goals, the variants, the conditions and how to rerun. */
final class MarkdownReport {

    private static final double GOAL = 1.3;
    private static final double FLOOR = 0.95;

    private MarkdownReport() {}

    static String of(BenchReport report) {
        StringBuilder md = new StringBuilder("# Nexmark: Ferry's defaults (A) vs stock Flink 1.20.1 (B)\n\n");
        appendConditions(md, report);
        appendTable(md, report);
        appendGoals(md, report);
        appendVariants(md, report);
        md.append("\nRerun: `").append(report.settings().rerunCommand()).append("`\n");
        return md.toString();
    }

    private static void appendConditions(StringBuilder md, BenchReport report) {
        BenchSettings s = report.settings();
        md.append(String.format(
                Locale.ROOT,
                "Run %s, %.1f min, on %s; client with %d CPU cores, Java %s. %,d events per run, parallelism %d, "
                        + "%d warm-up and %d measured runs per query and variant, A and B alternating. "
                        + "Load average (1/5/15 min) before: %s, after: %s.%n%n",
                report.started(),
                Duration.between(report.started(), report.finished()).toSeconds() / 60.0,
                report.where(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                s.events(),
                s.parallelism(),
                s.warmups(),
                s.runs(),
                report.before(),
                report.after()));
        md.append("Events/s per core = events / job run time (JobManager: submission to finish) / parallelism; "
                + "K = thousand. Ratio = A median / B median.\n\n");
    }

    private static void appendTable(StringBuilder md, BenchReport report) {
        md.append("| query | stateful | A median K/s | A min | A max | B median K/s | B min | B max | A/B | note |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (QuerySummary q : report.summaries()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    q.query().name(),
                    q.query().title(),
                    q.query().stateful() ? "yes" : "",
                    k(q.ferry().median()),
                    k(q.ferry().min()),
                    k(q.ferry().max()),
                    k(q.stock().median()),
                    k(q.stock().min()),
                    k(q.stock().max()),
                    q.measured() ? String.format(Locale.ROOT, "%.2f", q.ratio()) : "-",
                    q.note().orElse("").replace('|', '/')));
        }
    }

    private static void appendGoals(StringBuilder md, BenchReport report) {
        long measured =
                report.summaries().stream().filter(QuerySummary::measured).count();
        long statefulMet = report.summaries().stream()
                .filter(q -> q.measured() && q.query().stateful() && q.ratio() >= GOAL)
                .count();
        long stateful = report.summaries().stream()
                .filter(q -> q.measured() && q.query().stateful())
                .count();
        long belowFloor = report.summaries().stream()
                .filter(q -> q.measured() && q.ratio() < FLOOR)
                .count();
        md.append(String.format(
                Locale.ROOT,
                "%nGeometric mean of A/B over the %d measured queries: **%.2f** "
                        + "(goal ≥ %.1f). Over the stateful ones: %.2f; %d of %d stateful queries ≥ %.1f; "
                        + "%d queries below %.2f (goal: none).%n",
                measured,
                report.geometricMean(),
                GOAL,
                report.statefulGeometricMean(),
                statefulMet,
                stateful,
                GOAL,
                belowFloor,
                FLOOR));
    }

    private static void appendVariants(StringBuilder md, BenchReport report) {
        md.append("\nVariants (both: streaming mode, same events and parallelism, no checkpoints):\n\n");
        for (Variant v : report.variants()) {
            md.append("- ").append(v.id()).append(": ").append(v.label());
            Map<String, String> options = new TreeMap<>(v.options());
            if (!options.isEmpty()) {
                md.append(": ");
                options.forEach((key, value) ->
                        md.append('`').append(key).append('=').append(value).append("` "));
            }
            md.append('\n');
        }
    }

    private static String k(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.0f", perSecond / 1000);
    }
}
