package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'ferry bench failover' through the CLI on the shared MiniYARN + MiniDFS + ZooKeeper (tickTime
 * 2000, as a default ZooKeeper server): Ferry's HA settings (A) against stock Flink's (B), each run
 * a fresh session whose JobManager container is SIGKILLed through YARN. It asserts that every job
 * came back and the report files exist, never a time, because the machine's load decides the times.
 *
 * <p>Not part of the default run (JobManagerFailoverIT tests the failover itself; the bench's report
 * code is unit tested in the bench module): it runs only when {@code -Dferry.bench.runs=N} is
 * given, e.g. the full bench,
 * {@code mvn -o verify -pl tests -am -Dit.test=FailoverBenchIT -Dferry.bench.runs=5} (with -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false). Results go to
 * {@code tests/target/bench/failover/} (results.md, results.csv, failover.png).
 */
@EnabledIfSystemProperty(named = "ferry.bench.runs", matches = "\\d+")
@Timeout(1800)
class FailoverBenchIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("failover-bench")
            .withHa()
            // As shipped in conf/ferry.yaml: one warm TaskManager per session.
            .set("ferry.session.min-taskmanagers", "1");

    private static final Path OUTPUT = Path.of("target", "bench", "failover").toAbsolutePath();
    private static final int RUNS = Integer.getInteger("ferry.bench.runs", 1);

    @Test
    void ferryAndStockHaSettingsBothBringAKilledJobManagersJobBackAndTheReportIsWritten() throws Exception {
        // when: A and B alternate, each a fresh session whose JobManager is killed once
        FerryCliRun run = cluster.ferry(
                "bench", "failover", "--runs", Integer.toString(RUNS), "--results-dir", OUTPUT.toString());

        // then: every job came back on a later attempt (times are reported, not asserted), files are there
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        for (Path file :
                List.of(OUTPUT.resolve("results.md"), OUTPUT.resolve("results.csv"), OUTPUT.resolve("failover.png"))) {
            assertThat(file).isNotEmptyFile();
        }
        List<String> rows = Files.readAllLines(OUTPUT.resolve("results.csv")).stream()
                .skip(1)
                .toList();
        assertThat(rows)
                .as(run.stdout())
                .hasSize(2 * RUNS)
                .allSatisfy(row -> assertThat(row.split(",")[4]).as(row).isEqualTo("true"));
    }
}
