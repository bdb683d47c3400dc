package dev.ferry.bench.cli;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.launcher.configuration.FerryHome;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'ferry bench' as the launcher finds it (its extension point, this module's service entry), and
 * bad bench input refused before any cluster is contacted: one line on stderr, exit 2.
 */
class BenchCommandLineTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void givenAnUnpackedDistributionWithoutACluster() throws IOException {
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/ferry.yaml"), "ferry.yarn.connect-timeout: 2s\n");
        System.setProperty(FerryHome.HOME_PROPERTY, home.toString());
    }

    @AfterAll
    static void forgetTheDistribution() {
        System.clearProperty(FerryHome.HOME_PROPERTY);
    }

    private static FerryCliRun ferry(String... args) {
        return FerryCliRun.run(Map.of(), args);
    }

    private static void assertOneLineError(FerryCliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).startsWith("ferry: ").doesNotContain("Exception");
        for (String fragment : fragments) {
            assertThat(run.stderr()).contains(fragment);
        }
    }

    @Test
    void ferryListsTheBenchCommandWhenItsJarIsOnTheClassPath() {
        FerryCliRun help = ferry("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).containsPattern("\\n\\s+bench\\s+Benchmark Ferry against stock Flink");
        assertThat(ferry("bench", "--help").stdout()).contains("deploy", "submit", "failover", "nexmark");
    }

    @Test
    void aBenchWithoutRunsIsRefusedBeforeYarnIsContacted() {
        assertOneLineError(ferry("bench", "deploy", "--runs", "0"), "--runs must be at least 1, got 0");
        assertOneLineError(ferry("bench", "submit", "--runs", "-1"), "--runs must be at least 1, got -1");
        assertOneLineError(ferry("bench", "failover", "--runs", "0"), "--runs must be at least 1, got 0");
    }

    @Test
    void nexmarkInputIsCheckedBeforeAnythingRuns() {
        assertOneLineError(
                ferry("bench", "nexmark", "--queries", "q0,q99"), "Unknown Nexmark query q99: use q0 to q22");
        assertOneLineError(ferry("bench", "nexmark", "--events", "0"), "--events and --parallelism must be at least 1");
        assertOneLineError(ferry("bench", "nexmark", "--queue", "default"), "--queue needs --yarn");
    }
}
