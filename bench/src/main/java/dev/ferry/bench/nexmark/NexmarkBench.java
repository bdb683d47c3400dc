package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.LoadAverage;
import dev.ferry.nexmark.queries.NexmarkQueries;
import dev.ferry.nexmark.queries.NexmarkQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Nexmark bench as a service (Ferry's CLI calls it): runs each query with Ferry's defaults
 * (A) and stock Flink's (B) alternately, after warm-up runs, on a local MiniCluster or on the
 * clusters a caller hands in (YARN sessions), and writes results.md, results.csv and nexmark.png
 * into the settings' output directory.
 */
public final class NexmarkBench {

    private final Consumer<String> progress;

    /** @param progress told about every run as it ends, e.g. to print it */
    public NexmarkBench(Consumer<String> progress) {
        this.progress = progress;
    }

    /** On one local MiniCluster in this JVM, started for the bench and closed after it. */
    public BenchReport run(BenchSettings settings) throws Exception {
        try (LocalCluster cluster = new LocalCluster(settings.parallelism())) {
            return run(settings, cluster);
        }
    }

    /** On {@code clusters}, which the caller owns and closes. */
    public BenchReport run(BenchSettings settings, BenchClusters clusters) throws Exception {
        Files.createDirectories(settings.outputDir());
        List<NexmarkQuery> queries =
                settings.queries().stream().map(NexmarkQueries::get).toList();
        Variant ferry = Variants.ferry(settings.ferryConfig(), settings.ferryOverrides());
        Variant stock = Variants.stock();
        QueryRunner runner = new QueryRunner(settings.events(), settings.parallelism(), clusters);
        LoadAverage before = LoadAverage.now();
        Instant started = Instant.now();
        List<RunResult> runs = new ArrayList<>();
        for (NexmarkQuery query : queries) {
            if (query.runnable()) {
                runs.addAll(measure(query, List.of(ferry, stock), runner, settings));
            } else {
                progress.accept(query.name() + " skipped: " + query.skipReason().orElseThrow());
            }
        }
        BenchReport report = BenchReport.of(
                settings,
                clusters.description(),
                List.of(ferry, stock),
                queries,
                runs,
                before,
                LoadAverage.now(),
                started,
                Instant.now());
        return write(report, settings.outputDir());
    }

    private List<RunResult> measure(
            NexmarkQuery query, List<Variant> variants, QueryRunner runner, BenchSettings settings)
            throws InterruptedException {
        for (int i = 1; i <= settings.warmups(); i++) {
            for (Variant variant : variants) {
                report("warm-up", runner.run(query, variant, i));
            }
        }
        List<RunResult> measured = new ArrayList<>();
        for (int i = 1; i <= settings.runs(); i++) {
            for (Variant variant : variants) {
                RunResult result = runner.run(query, variant, i);
                report("run", result);
                measured.add(result);
            }
        }
        return measured;
    }

    private void report(String kind, RunResult r) {
        progress.accept(String.format(
                java.util.Locale.ROOT,
                "%s %s %s %d: %s",
                r.query(),
                r.variant(),
                kind,
                r.run(),
                r.succeeded()
                        ? String.format(
                                java.util.Locale.ROOT,
                                "%.0f events/s per core (%d ms, load %.2f)",
                                r.eventsPerSecondPerCore(),
                                r.jobMillis(),
                                r.load1())
                        : "FAILED " + r.failure().orElseThrow()));
    }

    private static BenchReport write(BenchReport report, Path dir) throws IOException {
        Path md = dir.resolve("results.md");
        Path csv = dir.resolve("results.csv");
        Path png = dir.resolve("nexmark.png");
        Files.writeString(md, MarkdownReport.of(report));
        Files.writeString(csv, CsvReport.of(report));
        BenchChart.write(report, png);
        return report.withFiles(List.of(md, csv, png));
    }
}
