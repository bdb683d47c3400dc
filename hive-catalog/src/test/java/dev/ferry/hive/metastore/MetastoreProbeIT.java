package dev.ferry.hive.metastore;

import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.testing.TestMetastore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MetastoreProbeIT {

    private static TestMetastore metastore;

    @BeforeAll
    static void startMetastore() throws Exception {
        metastore = TestMetastore.start("probe");
    }

    @AfterAll
    static void stopMetastore() throws Exception {
        if (metastore != null) {
            metastore.close();
        }
    }

    @Test
    void givenARunningMetastore_whenProbed_thenItAnswersWithItsDatabases() {
        MetastoreStatus status =
                new MetastoreProbe(Duration.ofSeconds(5)).probe(HiveSite.load(metastore.clientConfDir()));

        assertThat(status.uri()).isEqualTo(metastore.thriftUri());
        assertThat(status.databaseCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void givenAClosedPort_whenProbed_thenItFailsFastNamingTheUriAndTheFile() throws Exception {
        String deadUri = "thrift://localhost:" + TestMetastore.freePort();
        Path confDir = TestMetastore.writeClientSite(
                Path.of("target", "dead-metastore-conf").toAbsolutePath(), deadUri);
        HiveSite site = HiveSite.load(confDir);

        long started = System.nanoTime();
        MetastoreUnavailableException error = catchThrowableOfType(
                MetastoreUnavailableException.class, () -> new MetastoreProbe(Duration.ofSeconds(5)).probe(site));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(error.uri()).isEqualTo(deadUri);
        assertThat(error.getMessage())
                .startsWith("Cannot reach the Hive Metastore at " + deadUri + ": Connection refused")
                .contains("check hive.metastore.uris in " + confDir.resolve("hive-site.xml"))
                .doesNotContain("\n");
    }
}
