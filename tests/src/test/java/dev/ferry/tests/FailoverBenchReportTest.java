package dev.ferry.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.tests.FailoverBenchReport.LoadAverage;
import dev.ferry.tests.FailoverBenchReport.Run;
import dev.ferry.tests.FailoverBenchReport.Summary;
import dev.ferry.tests.FailoverBenchReport.Variant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The bench's arithmetic and files, without a cluster: a wrong median would go unnoticed otherwise. */
class FailoverBenchReportTest {

    private static final Variant A = new Variant("A", "Ferry defaults", List.of());
    private static final Variant B = new Variant("B", "stock", List.of("-Dx=y"));
    private static final LoadAverage LOAD = new LoadAverage(1.5, 2, 3);

    private static Run run(Variant v, int i, double seconds, int attempt, boolean recovered) {
        return new Run(v, i, seconds, attempt, recovered, "10 s", 1.0, Instant.EPOCH);
    }

    @Test
    void summariesGiveMedianMinMaxOfRecoveredRunsAndCountAttempts() {
        // given: A with an even number of runs, B with one run that never came back
        FailoverBenchReport report = new FailoverBenchReport(List.of(
                run(A, 1, 14, 2, true), run(B, 1, 42, 2, true),
                run(A, 2, 12, 2, true), run(B, 2, 180, 2, false),
                run(A, 3, 13, 3, true), run(B, 3, 44, 2, true),
                run(A, 4, 20, 2, true)), LOAD, LOAD, Instant.EPOCH, Instant.EPOCH);

        // when
        List<Summary> summaries = report.summaries();

        // then: the median of an even count is the mean of the middle two; lost runs are left out of times
        assertThat(summaries).extracting(s -> s.variant().id()).containsExactly("A", "B");
        Summary a = summaries.get(0);
        assertThat(List.of(a.median(), a.min(), a.max())).containsExactly(13.5, 12.0, 20.0);
        assertThat(a.attempts()).isEqualTo("attempt 2: 3, attempt 3: 1");
        Summary b = summaries.get(1);
        assertThat(List.of(b.runs(), b.recovered())).containsExactly(3, 2);
        assertThat(List.of(b.median(), b.min(), b.max())).containsExactly(43.0, 42.0, 44.0);
    }

    @Test
    void writesTableCsvAndChart(@TempDir Path dir) throws Exception {
        // given
        System.setProperty("java.awt.headless", "true");
        FailoverBenchReport report = new FailoverBenchReport(
                List.of(run(A, 1, 13.25, 2, true), run(B, 1, 42.5, 2, true)), LOAD, LOAD, Instant.EPOCH, Instant.EPOCH);

        // when
        report.writeTo(dir);

        // then
        assertThat(Files.readString(dir.resolve("results.md")))
                .contains("| A: Ferry defaults | 1 | 1 | 13.3 | 13.3 | 13.3 | attempt 2: 1 |")
                .contains("1.50 / 2.00 / 3.00");
        assertThat(Files.readAllLines(dir.resolve("results.csv")))
                .hasSize(3)
                .element(2).asString().startsWith("B,stock,1,42.50,2,true,");
        assertThat(dir.resolve("failover.png")).isNotEmptyFile();
    }
}
