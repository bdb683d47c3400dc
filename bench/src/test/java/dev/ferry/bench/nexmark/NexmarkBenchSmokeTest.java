package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.ReportFiles;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench at a tiny size, so it cannot rot: it says nothing about speed. */
class NexmarkBenchSmokeTest {

    @TempDir
    Path results;

    @Test
    void writesTheReportWithAResultForEveryRunnableQuery() throws Exception {
        // given
        BenchSettings settings = new BenchSettings(
                List.of("q0", "q5", "q6", "q13"),
                2_000,
                1,
                1,
                0,
                results,
                ferryConfig(),
                Map.of(),
                "mvn -pl bench test",
                Comparison.STOCK);
        List<String> progress = new ArrayList<>();

        // when
        NexmarkReport report = new NexmarkBench(progress::add).run(settings);
        ReportFiles files = report.writeTo(results);

        // then
        assertThat(files.all()).allSatisfy(file -> assertThat(file).isNotEmptyFile());
        assertThat(results.resolve("results.md")).content().contains("| q0 Pass Through", "q6", "skipped");
        assertThat(Files.readAllLines(results.resolve("results.csv"))).hasSize(1 + 3 * 2);
        assertThat(report.summaries())
                .filteredOn(s -> s.query().runnable())
                .allSatisfy(s -> assertThat(s.measured())
                        .as(s.query().name() + " " + s.note())
                        .isTrue());
        assertThat(progress).anyMatch(line -> line.startsWith("q6 skipped"));
        assertThat(report.where()).contains("in a JVM of its own");
    }

    /** The repository's conf/config.yaml: Ferry's defaults as shipped. */
    static Configuration ferryConfig() {
        return GlobalConfiguration.loadConfiguration(
                Path.of("..", "conf").toAbsolutePath().toString());
    }
}
