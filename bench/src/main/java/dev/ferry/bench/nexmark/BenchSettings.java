package dev.ferry.bench.nexmark;

import org.apache.flink.configuration.Configuration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one Nexmark bench measures.
 *
 * @param queries query names ({@code q0}...); skipped queries are reported, not run
 * @param events events per run
 * @param parallelism of every job, the same for both variants
 * @param runs measured runs per query and variant (A and B alternate)
 * @param warmups unmeasured runs per query and variant before the measured ones
 * @param outputDir where results.md, results.csv and nexmark.png go
 * @param ferryConfig Ferry's Flink configuration (its conf/config.yaml); only the options that
 *     matter for a local job are taken from it (see {@link Variants})
 * @param ferryOverrides extra options for variant A only, to try a candidate default
 * @param rerunCommand how to run this bench again, written into results.md
 * @param comparison what A and B are
 */
public record BenchSettings(
        List<String> queries,
        long events,
        int parallelism,
        int runs,
        int warmups,
        Path outputDir,
        Configuration ferryConfig,
        Map<String, String> ferryOverrides,
        String rerunCommand,
        Comparison comparison) {

    public BenchSettings {
        queries = List.copyOf(queries);
        ferryOverrides = Map.copyOf(ferryOverrides);
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(ferryConfig, "ferryConfig");
        Objects.requireNonNull(rerunCommand, "rerunCommand");
        Objects.requireNonNull(comparison, "comparison");
        if (events <= 0 || parallelism <= 0 || runs <= 0 || warmups < 0) {
            throw new IllegalArgumentException("events, parallelism and runs must be positive, warmups not negative");
        }
    }
}
