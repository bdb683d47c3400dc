package dev.ferry.launcher.cli;

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
 * The ZooKeeper credential ({@code ferry.ha.zookeeper.auth.credential}) is never printed, and a
 * configuration Flink would refuse with it fails before anything is contacted.
 */
class ZooKeeperCredentialTest {

    private static final String CREDENTIAL = "-Dferry.ha.zookeeper.auth.credential=ferry:s3cret";
    private static final String UNREACHABLE_QUORUM = "-Dferry.ha.zookeeper.quorum=127.0.0.1:1";

    @TempDir
    static Path home;

    @BeforeAll
    static void givenAnUnpackedDistribution() throws IOException {
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

    @Test
    void configShowMasksTheCredential() {
        FerryCliRun run = FerryCliRun.run(Map.of(), "config", "show", "-o", "json", CREDENTIAL);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("ferry.ha.zookeeper.auth.credential").doesNotContain("s3cret");
    }

    @Test
    void aCredentialWithSaslDisabledIsRefusedBeforeAnyDeploy() {
        FerryCliRun run = FerryCliRun.run(
                Map.of(),
                "session",
                "start",
                "guarded",
                UNREACHABLE_QUORUM,
                CREDENTIAL,
                "-Dzookeeper.sasl.disable=true");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains("zookeeper.sasl.disable");
    }
}
