package dev.ferry.bench.report;

import dev.ferry.bench.report.BenchDescription.Comparison;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benches' arithmetic and files, without a cluster: a wrong median would go unnoticed otherwise. */
class BenchReportTest {

    private static final BenchVariant A = new BenchVariant("A", "Ferry defaults", "as shipped");
    private static final BenchVariant B = new BenchVariant("B", "stock", "Flink's defaults");
    private static final LoadAverage LOAD = new LoadAverage(1.5, 2, 3);
    private static final BenchDescription FAILOVER = new BenchDescription(
            "failover",
            "JobManager failover",
            "back RUNNING",
            "YARN attempts used",
            List.of("kill -9"),
            List.of(new Comparison("A", "B")),
            "ferry bench failover --runs 5");

    private static BenchRun run(BenchVariant v, int i, double seconds, int attempt, boolean completed) {
        return new BenchRun(
                v,
                i,
                completed ? seconds : Double.NaN,
                completed,
                "attempt " + attempt,
                "session-timeout 10 s",
                1.0,
                Instant.EPOCH);
    }

    private static BenchReport report(List<BenchRun> runs) {
        return new BenchReport(FAILOVER, runs, new BenchPeriod(Instant.EPOCH, Instant.EPOCH, LOAD, LOAD));
    }

    @Test
    void summariesGiveMedianMinMaxOfCompletedRunsAndCountDetails() {
        // given: A with an even number of runs, B with one run that never came back
        BenchReport report = report(List.of(
                run(A, 1, 14, 2, true),
                run(B, 1, 42, 2, true),
                run(A, 2, 12, 2, true),
                run(B, 2, 180, 2, false),
                run(A, 3, 13, 3, true),
                run(B, 3, 44, 2, true),
                run(A, 4, 20, 2, true)));

        // when
        List<BenchSummary> summaries = report.summaries();

        // then: the median of an even count is the mean of the middle two; failed runs have no time
        assertThat(summaries).extracting(s -> s.variant().id()).containsExactly("A", "B");
        BenchSummary a = summaries.get(0);
        assertThat(List.of(a.seconds().median(), a.seconds().min(), a.seconds().max()))
                .containsExactly(13.5, 12.0, 20.0);
        assertThat(a.details()).isEqualTo("attempt 2: 3, attempt 3: 1");
        BenchSummary b = summaries.get(1);
        assertThat(List.of(b.runs(), b.completed())).containsExactly(3, 2);
        assertThat(List.of(b.seconds().median(), b.seconds().min(), b.seconds().max()))
                .containsExactly(43.0, 42.0, 44.0);
        assertThat(report.ratioLines()).containsExactly("A / B = 0.31 (13.5 s against 43.0 s)");
    }

    @Test
    void aVariantWithoutCompletedRunsHasNoTimes() {
        // given
        BenchReport report = report(List.of(BenchRun.failed(A, 1, "deploy timed out")));

        // when
        BenchSummary a = report.summaries().get(0);

        // then
        assertThat(List.of(a.runs(), a.completed())).containsExactly(1, 0);
        assertThat(a.seconds().median()).isNaN();
        assertThat(report.table().toString()).contains("| A: Ferry defaults | 1 | 0 | - | - | - |");
    }

    @Test
    void writesTableCsvAndChart(@TempDir Path dir) throws Exception {
        // given: sub-second and longer times, and a note with a comma
        BenchReport report = report(List.of(
                run(A, 1, 0.345, 2, true),
                new BenchRun(B, 1, 42.5, true, "attempt 2", "timeout 60s, capped", 1.0, Instant.EPOCH)));

        // when
        ReportFiles files = report.writeTo(dir);

        // then
        assertThat(files.chart()).isEqualTo(dir.resolve("failover.png")).isNotEmptyFile();
        assertThat(Files.readString(files.markdown()))
                .contains("| variant | runs | back RUNNING | median s | min s | max s | YARN attempts used |")
                .contains("| A: Ferry defaults | 1 | 1 | 0.35 | 0.35 | 0.35 | attempt 2: 1 |")
                .contains("| B: stock | 1 | 1 | 42.5 | 42.5 | 42.5 | attempt 2: 1 |")
                .contains("1.50 / 2.00 / 3.00")
                .contains("Rerun: `ferry bench failover --runs 5`");
        assertThat(Files.readAllLines(files.csv()))
                .hasSize(3)
                .element(2)
                .asString()
                .startsWith("B,stock,1,42.500,true,attempt 2,\"timeout 60s, capped\",1.00,");
    }
}
