package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.ReportFiles;
import dev.ferry.nexmark.queries.NexmarkQueries;
import dev.ferry.nexmark.queries.NexmarkQuery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full bench from the build (what 'ferry bench nexmark' runs, plus variant A overrides): only with
 * {@code -Dferry.nexmark.results=DIR}; sizes from {@code ferry.nexmark.events}, {@code .runs},
 * {@code .parallelism}, {@code .queries} (comma separated) and {@code .ferry-overrides}
 * ({@code key=value;key=value}, variant A only, to try a candidate default).
 */
class NexmarkBenchRun {

    @Test
    @EnabledIfSystemProperty(named = "ferry.nexmark.results", matches = ".+")
    void runsTheBench() throws Exception {
        BenchSettings settings = new BenchSettings(
                queries(),
                Long.getLong("ferry.nexmark.events", 1_000_000),
                Integer.getInteger("ferry.nexmark.parallelism", 1),
                Integer.getInteger("ferry.nexmark.runs", 5),
                Integer.getInteger("ferry.nexmark.warmups", 1),
                Path.of(System.getProperty("ferry.nexmark.results")).toAbsolutePath(),
                NexmarkBenchSmokeTest.ferryConfig(),
                overrides(),
                command(),
                Comparison.STOCK);
        NexmarkReport report = new NexmarkBench(System.out::println).run(settings);
        ReportFiles files = report.writeTo(settings.outputDir());

        // A bench is not pass/fail on its times; it fails only when a runnable query was not measured.
        assertThat(files.all()).allSatisfy(file -> assertThat(file).isNotEmptyFile());
        assertThat(report.summaries())
                .filteredOn(s -> s.query().runnable())
                .allSatisfy(s -> assertThat(s.measured())
                        .as(s.query().name() + " " + s.note())
                        .isTrue());
    }

    private static List<String> queries() {
        String names = System.getProperty("ferry.nexmark.queries", "");
        return names.isBlank()
                ? NexmarkQueries.all().stream().map(NexmarkQuery::name).toList()
                : Arrays.asList(names.split(","));
    }

    private static Map<String, String> overrides() {
        String text = System.getProperty("ferry.nexmark.ferry-overrides", "");
        return text.isBlank()
                ? Map.of()
                : Arrays.stream(text.split(";"))
                        .map(kv -> kv.split("=", 2))
                        .collect(Collectors.toMap(kv -> kv[0].trim(), kv -> kv[1].trim()));
    }

    private static String command() {
        return "mvn -o -pl bench -am test -Dtest=NexmarkBenchRun -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dferry.nexmark.results=docs/bench/nexmark"
                + " -Dferry.nexmark.events=" + Long.getLong("ferry.nexmark.events", 1_000_000)
                + " -Dferry.nexmark.runs=" + Integer.getInteger("ferry.nexmark.runs", 5)
                + " -Dferry.nexmark.warmups=" + Integer.getInteger("ferry.nexmark.warmups", 1)
                + " -Dferry.nexmark.parallelism=" + Integer.getInteger("ferry.nexmark.parallelism", 1);
    }
}
