package dev.ferry.launcher.cli;

import dev.ferry.hive.testing.TestMetastore;
import dev.ferry.hive.testing.UnansweringServer;
import dev.ferry.launcher.configuration.FerryHome;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ResourceManager or a Hive Metastore that accepts connections and never answers (a stopped
 * process, a hung server): the command ends, unavailable (exit 6), in one line naming the server.
 * The timeouts are shortened to 2 s to keep the tests fast; how fast is not what they check.
 */
// A separate thread: a call stuck in a socket read ignores the interrupt of a timed-out test.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnansweringServersTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void givenAnUnpackedDistribution() throws IOException {
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(
                home.resolve("conf/ferry.yaml"),
                "ferry.yarn.connect-timeout: 2s\nferry.hive-catalog.connect-timeout: 2s\n");
        System.setProperty(FerryHome.HOME_PROPERTY, home.toString());
    }

    @AfterAll
    static void forgetTheDistribution() {
        System.clearProperty(FerryHome.HOME_PROPERTY);
    }

    private static void assertUnavailableInOneLine(FerryCliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).startsWith("ferry: ").doesNotContain("\tat ");
        for (String fragment : fragments) {
            assertThat(run.stderr()).contains(fragment);
        }
    }

    @Test
    void aResourceManagerThatNeverAnswersFailsSessionListNamingIt() throws Exception {
        try (UnansweringServer resourceManager = UnansweringServer.silent()) {
            Path hadoopConf = Files.createDirectories(home.resolve("hung-yarn"));
            Files.writeString(
                    hadoopConf.resolve("yarn-site.xml"),
                    "<configuration><property><name>yarn.resourcemanager.address</name><value>"
                            + resourceManager.address() + "</value></property></configuration>");

            FerryCliRun run = FerryCliRun.run(Map.of(), "session", "list", "--hadoop-conf-dir", hadoopConf.toString());

            assertUnavailableInOneLine(
                    run, "Cannot reach the YARN ResourceManager at " + resourceManager.address(), "no answer");
        }
    }

    @Test
    void aMetastoreThatNeverAnswersFailsEveryCatalogCommandNamingIt() throws Exception {
        try (UnansweringServer metastore = UnansweringServer.silent()) {
            String uri = "thrift://" + metastore.address();
            Path conf = TestMetastore.writeClientSite(home.resolve("hung-metastore"), uri);

            for (String[] command : new String[][] {
                {"catalog", "ping"},
                {"catalog", "databases"},
                {"catalog", "tables", "sales"},
                {"catalog", "describe", "sales.orders"}
            }) {
                FerryCliRun run = catalogCommand(conf, command);

                assertUnavailableInOneLine(run, "Cannot reach the Hive Metastore at " + uri + ": ");
            }
        }
    }

    @Test
    void aMetastoreThatNeverFinishesAnAnswerFailsCatalogPingNamingIt() throws Exception {
        try (UnansweringServer metastore = UnansweringServer.dribblingThriftReply()) {
            String uri = "thrift://" + metastore.address();
            Path conf = TestMetastore.writeClientSite(home.resolve("dribbling-metastore"), uri);

            FerryCliRun run = catalogCommand(conf, "catalog", "ping");

            assertUnavailableInOneLine(run, "Cannot reach the Hive Metastore at " + uri + ": no answer within 2000 ms");
        }
    }

    private static FerryCliRun catalogCommand(Path hiveConfDir, String... command) {
        String[] args = new String[command.length + 1];
        args[0] = "-Dferry.hive-catalog.conf-dir=" + hiveConfDir;
        System.arraycopy(command, 0, args, 1, command.length);
        return FerryCliRun.run(Map.of(), args);
    }
}
