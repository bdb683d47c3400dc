package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benches from the distribution. By default only the smallest run that proves {@code bin/ferry
 * bench ...} works from the tarball (opt/bench/ on the CLI's class path): 'ferry bench nexmark' on
 * a local MiniCluster, as a process, one query at tiny size; what the bench code computes is unit
 * tested in the bench module. With {@code -Dferry.bench.runs=N} the YARN benches run too, N runs
 * per variant, through the CLI on the shared MiniYARN + MiniDFS: 'ferry bench deploy', 'ferry bench
 * submit' and 'ferry bench nexmark --yarn'. Times are reported, never asserted, because the shared
 * machine's load decides them. The real benches, 5 runs each:
 * {@code mvn -o verify -pl tests -am -Dit.test=BenchSmokeIT -Dferry.bench.runs=5} (with -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false); results go to
 * {@code tests/target/bench/<bench>/} (results.md, results.csv, <bench>.png).
 */
@Timeout(900)
class BenchSmokeIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("bench-smoke")
            // As shipped in conf/ferry.yaml: Ferry's sessions keep a warm TaskManager.
            .set("ferry.session.min-taskmanagers", "1");

    private static final Path OUTPUT = Path.of("target", "bench").toAbsolutePath();
    private static final int RUNS = Integer.getInteger("ferry.bench.runs", 1);

    @Test
    void nexmarkBenchRunsAsAProcessOfTheDistributionAndWritesItsReport() throws Exception {
        // given: the tarball's bin/ferry, whose bench measures in a JVM of its own; the smallest run
        Path dir = OUTPUT.resolve("nexmark");
        Process process = new ProcessBuilder(
                        cluster.home().resolve("bin/ferry").toString(),
                        "bench",
                        "nexmark",
                        "--queries",
                        "q0",
                        "--events",
                        "1000",
                        "--runs",
                        "1",
                        "--warmups",
                        "0",
                        "--results-dir",
                        dir.toString())
                .redirectErrorStream(true)
                .start();

        // when
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES))
                .as(output)
                .isTrue();

        // then: the query ran on both sides (rates reported, not asserted) and the files are there
        assertThat(process.exitValue()).as(output).isZero();
        for (Path file : List.of(dir.resolve("results.md"), dir.resolve("results.csv"), dir.resolve("nexmark.png"))) {
            assertThat(file).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(dir.resolve("results.csv")).stream()
                        .skip(1)
                        .map(row -> row.split(",")[0]))
                .as(output)
                .containsExactly("q0", "q0");
    }

    @Test
    @EnabledIfSystemProperty(named = "ferry.bench.runs", matches = "\\d+")
    void deployBenchDeploysFerryAndStockSessionsAndWritesItsReport() throws Exception {
        // when: Ferry and stock sessions are deployed alternately
        FerryCliRun run = cluster.ferry(
                "bench",
                "deploy",
                "--runs",
                Integer.toString(RUNS),
                "--results-dir",
                OUTPUT.resolve("deploy").toString());

        // then: every run completed (times are reported, not asserted) and the files are there
        assertEveryRunCompleted(run, "deploy", 2 * RUNS);
    }

    @Test
    @EnabledIfSystemProperty(named = "ferry.bench.runs", matches = "\\d+")
    void submitBenchRunsJobsOnBothSidesAndAtTheShellAndWritesItsReport() throws Exception {
        // when: new-session and warm-TaskManager submits on both sides, and 'ferry job submit' as a process
        FerryCliRun run = cluster.ferry(
                "bench",
                "submit",
                "--runs",
                Integer.toString(RUNS),
                "--results-dir",
                OUTPUT.resolve("submit").toString());

        // then
        assertEveryRunCompleted(run, "submit", 5 * RUNS);
    }

    @Test
    @EnabledIfSystemProperty(named = "ferry.bench.runs", matches = "\\d+")
    void nexmarkBenchOnYarnRunsEachVariantOnItsOwnSessionAndKillsBothAfter() throws Exception {
        // given: tiny sizes; q13 reads its side input, which the bench writes to HDFS for the TaskManagers
        Path dir = OUTPUT.resolve("nexmark-yarn");

        // when
        FerryCliRun run = cluster.ferry(
                "bench",
                "nexmark",
                "--yarn",
                "--queries",
                "q0,q13",
                "--events",
                "2000",
                "--runs",
                Integer.toString(RUNS),
                "--warmups",
                "0",
                "--results-dir",
                dir.toString());

        // then: both queries ran on both sessions without a failure, and the report says where they ran
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        List<String> rows =
                Files.readAllLines(dir.resolve("results.csv")).stream().skip(1).toList();
        assertThat(rows)
                .as(run.stdout())
                .hasSize(4 * RUNS)
                .allSatisfy(row -> assertThat(row).as(row).endsWith(","));
        assertThat(rows.stream().map(row -> row.split(",")[0])).containsOnly("q0", "q13");
        assertThat(dir.resolve("results.md")).content().contains("two YARN sessions");
        assertThat(dir.resolve("nexmark.png")).isNotEmptyFile();

        // and: neither bench session is left running
        assertThat(cluster.liveApplications())
                .extracting(ApplicationReport::getName)
                .doesNotContain("bench-nexmark-a", "bench-nexmark-b");
    }

    private static void assertEveryRunCompleted(FerryCliRun run, String bench, int expectedRuns) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Path dir = OUTPUT.resolve(bench);
        for (Path file : List.of(dir.resolve("results.md"), dir.resolve("results.csv"), dir.resolve(bench + ".png"))) {
            assertThat(file).isNotEmptyFile();
            assertThat(run.stdout()).contains("Wrote " + file);
        }
        List<String> rows =
                Files.readAllLines(dir.resolve("results.csv")).stream().skip(1).toList();
        assertThat(rows)
                .as(run.stdout())
                .hasSize(expectedRuns)
                .allSatisfy(row -> assertThat(row.split(",")[4]).as(row).isEqualTo("true"));
    }
}
