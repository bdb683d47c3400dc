package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.LoadAverage;
import dev.ferry.nexmark.queries.NexmarkQuery;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a bench measured: every run, and per query both variants' statistics.
 *
 * @param where where the jobs ran ({@link BenchClusters#description()})
 * @param files results.md, results.csv and nexmark.png, once written
 */
public record BenchReport(
        BenchSettings settings,
        String where,
        List<Variant> variants,
        List<QuerySummary> summaries,
        List<RunResult> runs,
        LoadAverage before,
        LoadAverage after,
        Instant started,
        Instant finished,
        List<java.nio.file.Path> files) {

    static BenchReport of(
            BenchSettings settings,
            String where,
            List<Variant> variants,
            List<NexmarkQuery> queries,
            List<RunResult> runs,
            LoadAverage before,
            LoadAverage after,
            Instant started,
            Instant finished) {
        List<QuerySummary> summaries =
                queries.stream().map(q -> QuerySummary.of(q, runs)).toList();
        return new BenchReport(
                settings,
                where,
                List.copyOf(variants),
                summaries,
                List.copyOf(runs),
                before,
                after,
                started,
                finished,
                List.of());
    }

    BenchReport withFiles(List<java.nio.file.Path> written) {
        return new BenchReport(
                settings, where, variants, summaries, runs, before, after, started, finished, List.copyOf(written));
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
}
