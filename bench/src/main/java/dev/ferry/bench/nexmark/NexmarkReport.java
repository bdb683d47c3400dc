package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.BarChart;
import dev.ferry.bench.report.BenchPeriod;
import dev.ferry.bench.report.CsvTable;
import dev.ferry.bench.report.ReportFiles;
import dev.ferry.nexmark.queries.NexmarkQuery;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a Nexmark bench measured: every run, and per query both variants' statistics; written as
 * results.md ({@link NexmarkMarkdown}), results.csv (every run) and nexmark.png.
 *
 * @param where where the jobs ran, e.g. {@link NexmarkClusters#description()}
 */
public record NexmarkReport(
        BenchSettings settings,
        String where,
        List<Variant> variants,
        List<QuerySummary> summaries,
        List<RunResult> runs,
        BenchPeriod period) {

    public NexmarkReport {
        variants = List.copyOf(variants);
        summaries = List.copyOf(summaries);
        runs = List.copyOf(runs);
    }

    static NexmarkReport of(
            BenchSettings settings,
            String where,
            List<Variant> variants,
            List<NexmarkQuery> queries,
            List<RunResult> runs,
            BenchPeriod period) {
        List<QuerySummary> summaries =
                queries.stream().map(q -> QuerySummary.of(q, runs)).toList();
        return new NexmarkReport(settings, where, variants, summaries, runs, period);
    }

    /** Geometric mean of Ferry-over-stock ratios of the measured queries (NaN if none). */
    public double geometricMean() {
        return geometricMean(s -> true);
    }

    /** Geometric mean over the measured stateful queries. */
    public double statefulGeometricMean() {
        return geometricMean(s -> s.query().stateful());
    }

    private double geometricMean(Predicate<QuerySummary> which) {
        List<Double> ratios = summaries.stream()
                .filter(QuerySummary::measured)
                .filter(which)
                .map(QuerySummary::ratio)
                .toList();
        if (ratios.isEmpty()) {
            return Double.NaN;
        }
        return Math.exp(ratios.stream().mapToDouble(Math::log).sum() / ratios.size());
    }

    public ReportFiles writeTo(Path dir) {
        return ReportFiles.write(dir, "nexmark", NexmarkMarkdown.of(this), csv(), chart());
    }

    /** One line per measured run. */
    CsvTable csv() {
        CsvTable csv = new CsvTable(
                "query",
                "variant",
                "run",
                "events",
                "parallelism",
                "job_ms",
                "client_ms",
                "events_per_second_per_core",
                "load1",
                "finished",
                "failure");
        for (RunResult r : runs) {
            csv.row(
                    r.query(),
                    r.variant(),
                    r.run(),
                    r.events(),
                    r.parallelism(),
                    r.jobMillis(),
                    r.clientMillis(),
                    String.format(Locale.ROOT, "%.0f", r.eventsPerSecondPerCore()),
                    String.format(Locale.ROOT, "%.2f", r.load1()),
                    r.finished(),
                    r.failure().orElse(""));
        }
        return csv;
    }

    /** Median events/s per core of both variants, grouped per measured query. */
    private BarChart chart() {
        List<QuerySummary> measured =
                summaries.stream().filter(QuerySummary::measured).toList();
        return new BarChart(
                        String.format(
                                Locale.ROOT,
                                "Nexmark, %,d events, parallelism %d: geometric mean A/B %.2f",
                                settings.events(),
                                settings.parallelism(),
                                geometricMean()),
                        "query",
                        "median K events/s per core",
                        measured.stream().map(q -> q.query().name()).toList())
                .series(
                        "A: " + variants.get(0).label(),
                        measured.stream().map(q -> q.ferry().median() / 1000).toList())
                .series(
                        "B: " + variants.get(1).label(),
                        measured.stream().map(q -> q.stock().median() / 1000).toList());
    }
}
