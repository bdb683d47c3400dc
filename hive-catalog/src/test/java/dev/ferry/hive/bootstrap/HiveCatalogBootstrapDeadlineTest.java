package dev.ferry.hive.bootstrap;

import dev.ferry.hive.config.HiveCatalogSettings;
import dev.ferry.hive.metastore.MetastoreUnavailableException;
import dev.ferry.hive.testing.TestMetastore;
import dev.ferry.hive.testing.UnansweringServer;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalog bootstrap of 'ferry sql' (and of SqlApplication on a JobManager) against a
 * metastore that accepts connections and does not answer: it ends, unavailable, naming the URI.
 */
// A separate thread: a call stuck in a socket read ignores the interrupt of a timed-out test.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiveCatalogBootstrapDeadlineTest {

    private static TableEnvironment tableEnv;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTableEnvironment() {
        tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    private MetastoreUnavailableException register(UnansweringServer metastore) throws Exception {
        String uri = "thrift://" + metastore.address();
        HiveCatalogSettings settings = HiveCatalogSettings.withConfDir(TestMetastore.writeClientSite(dir, uri))
                .withConnectTimeout(Duration.ofSeconds(2));
        return catchThrowableOfType(
                MetastoreUnavailableException.class, () -> new HiveCatalogFactory(settings).register(tableEnv));
    }

    @Test
    void givenAMetastoreThatNeverAnswers_whenTheCatalogIsRegistered_thenItIsUnavailableNamingTheUri() throws Exception {
        try (UnansweringServer metastore = UnansweringServer.silent()) {
            MetastoreUnavailableException error = register(metastore);

            assertThat(error).isNotNull();
            assertThat(error.getMessage())
                    .startsWith("Cannot reach the Hive Metastore at thrift://" + metastore.address() + ": ")
                    .doesNotContain("\n");
        }
    }

    @Test
    void givenAMetastoreThatNeverFinishesAnAnswer_whenTheCatalogIsRegistered_thenItEndsUnavailable() throws Exception {
        try (UnansweringServer metastore = UnansweringServer.dribblingThriftReply()) {
            MetastoreUnavailableException error = register(metastore);

            assertThat(error).isNotNull();
            assertThat(error.getMessage())
                    .startsWith("Cannot reach the Hive Metastore at thrift://" + metastore.address() + ": ")
                    .contains("no answer within 2000 ms");
        }
    }
}
