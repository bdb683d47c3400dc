package dev.ferry.bench.nexmark;

import dev.ferry.launcher.monitoring.MetricsReporter;

import org.apache.flink.configuration.Configuration;

import java.util.List;
import java.util.Map;

/** What a Nexmark bench compares, A against B, and the ratio A/B it aims for. */
public enum Comparison {

    /** Ferry's defaults against stock Flink's: Ferry should be faster. */
    STOCK("Ferry's defaults (A) vs stock Flink 1.20.1 (B)", 1.3),

    /**
     * Jobs as any other client submits them (Flink's own client plans the JobGraph, no per-job
     * options): only the cluster's settings differ, Ferry's (A) against stock Flink's (B). The
     * comparison that counts for sessions that other tools submit to.
     */
    FLINK_CLIENT("Ferry's cluster settings (A) vs stock Flink 1.20.1 (B), jobs planned by Flink's client", 1.3),

    /**
     * What Ferry's metrics reporter costs: Ferry's defaults on a cluster pushing its metrics to a
     * Pushgateway every push interval, as every Ferry cluster does, against the same without a
     * reporter. Metrics on by default must not slow jobs down.
     */
    METRICS("Ferry's defaults with metrics pushed (A) vs without a metrics reporter (B)", 0.98);

    private final String title;
    private final double goal;

    Comparison(String title, double goal) {
        this.title = title;
        this.goal = goal;
    }

    public String title() {
        return title;
    }

    /** The geometric mean of A/B this comparison should reach. */
    public double goal() {
        return goal;
    }

    List<Variant> variants(BenchSettings settings) {
        if (this == FLINK_CLIENT) {
            return List.of(Variants.ferryClusterOnly(settings.ferryConfig()), Variants.stock());
        }
        Variant ferry = Variants.ferry(settings.ferryConfig(), settings.ferryOverrides());
        if (this == STOCK) {
            return List.of(ferry, Variants.stock());
        }
        Configuration reporter = new Configuration(settings.ferryConfig());
        MetricsReporter.configure(reporter, "bench-nexmark", "local");
        Map<String, String> reporterSettings = new java.util.TreeMap<>();
        reporter.toMap().forEach((key, value) -> {
            if (key.startsWith("metrics.")) {
                reporterSettings.put(key, value);
            }
        });
        return List.of(
                new Variant("A", ferry.label() + ", metrics pushed", ferry.options(), reporterSettings),
                new Variant("B", ferry.label() + ", no metrics reporter", ferry.options()));
    }
}
