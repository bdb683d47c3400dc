package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.BenchPeriod;
import dev.ferry.nexmark.queries.NexmarkQueries;
import dev.ferry.nexmark.queries.NexmarkQuery;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Nexmark bench ('ferry bench nexmark'): runs each query with Ferry's defaults (A) and stock
 * Flink's (B), or with and without Ferry's metrics reporter ({@link Comparison}), alternately, after warm-up runs, on a local MiniCluster or on the clusters a caller
 * hands in (YARN sessions), and reports per query both variants' events per second per core.
 */
public final class NexmarkBench {

    private final Consumer<String> progress;

    /** @param progress told about every run as it ends, e.g. to print it */
    public NexmarkBench(Consumer<String> progress) {
        this.progress = progress;
    }

    /** On one local MiniCluster, in a JVM the bench starts for it (see {@link LocalMeasurementJvm}). */
    public NexmarkReport run(BenchSettings settings) throws Exception {
        List<Variant> variants = settings.comparison().variants(settings);
        return run(settings, variants, new LocalMeasurementJvm(LocalClusters.describe(variants)));
    }

    /** On {@code clusters}, which the caller owns and closes. */
    public NexmarkReport run(BenchSettings settings, NexmarkClusters clusters) throws Exception {
        return run(settings, settings.comparison().variants(settings), new ClusterMeasurements(clusters));
    }

    private NexmarkReport run(BenchSettings settings, List<Variant> variants, NexmarkMeasurements measurements)
            throws Exception {
        List<NexmarkQuery> queries =
                settings.queries().stream().map(NexmarkQueries::get).toList();
        queries.stream()
                .filter(q -> !q.runnable())
                .forEach(q ->
                        progress.accept(q.name() + " skipped: " + q.skipReason().orElseThrow()));
        NexmarkPlan plan = new NexmarkPlan(
                queries.stream()
                        .filter(NexmarkQuery::runnable)
                        .map(NexmarkQuery::name)
                        .toList(),
                settings.events(),
                settings.parallelism(),
                settings.runs(),
                settings.warmups(),
                variants);
        BenchPeriod.Start start = BenchPeriod.begin();
        List<RunResult> runs = measurements.measure(plan, this::report);
        return NexmarkReport.of(settings, measurements.description(), variants, queries, runs, start.end());
    }

    private void report(String kind, RunResult r) {
        String outcome = r.succeeded()
                ? String.format(
                        Locale.ROOT,
                        "%.0f events/s per core (%d ms, load %.2f)",
                        r.eventsPerSecondPerCore(),
                        r.jobMillis(),
                        r.load1())
                : "FAILED " + r.failure().orElseThrow();
        progress.accept(r.query() + " " + r.variant() + " " + kind + " " + r.run() + ": " + outcome);
    }
}
