package dev.ferry.tests;

import dev.ferry.hive.testing.TestMetastore;
import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HiveSqlSuite} on a Derby metastore, plus what does not depend on the metastore's
 * database and so runs only here: bad input is refused in one line before anything is submitted,
 * a metastore that is down fails fast, and an application cluster registers the catalog itself.
 */
class HiveSqlIT extends HiveSqlSuite {

    HiveSqlIT() {
        super("hive-sql-it");
    }

    @Override
    protected TestMetastore startMetastore(String name) throws Exception {
        return TestMetastore.start(name);
    }

    @Test
    @Order(10)
    void aMetastoreThatIsDownFailsInOneLineNamingItsUriAndNothingIsSubmitted() throws Exception {
        // given a Ferry configuration naming a metastore nobody listens on
        String deadUri = "thrift://localhost:" + TestMetastore.freePort();
        Path deadSite = TestMetastore.writeClientSite(
                Path.of("target", suite, "dead-hive-conf").toAbsolutePath(), deadUri);
        Path confDir = copyConf(Path.of("target", suite, "ferry-conf-dead"));
        Files.writeString(confDir.resolve("ferry.yaml"), ferryYaml(deadSite));
        int jobsBefore = jobCount();

        // when
        long started = System.nanoTime();
        FerryCliRun run = cluster.ferryWithConf(confDir, "sql", "--session", SESSION, "-e", "SELECT 1;");
        System.out.printf(
                "ferry sql against a dead metastore failed after %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).contains(deadUri);
        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    @Test
    @Order(11)
    void unknownTablesAndHiveStatementsFlinkCannotRunAreRefusedWithTheirLine() throws Exception {
        // given
        int jobsBefore = jobCount();

        // when / then
        assertRefused(
                cluster.ferry(
                        "sql",
                        "--session",
                        SESSION,
                        "-f",
                        file("nodb.sql", "SET 'execution.runtime-mode' = 'batch';\nSELECT * FROM nosuchdb.clicks;\n")),
                "nodb.sql",
                "line 2",
                "nosuchdb");
        assertRefused(
                cluster.ferry(
                        "sql",
                        "--session",
                        SESSION,
                        "-f",
                        file(
                                "notable.sql",
                                String.join(
                                        "\n",
                                        "CREATE TEMPORARY TABLE sink (n INT) WITH ('connector' = 'blackhole');",
                                        "INSERT INTO sink SELECT id FROM nosuchtable;",
                                        ""))),
                "line 2",
                "nosuchtable");
        assertRefused(
                cluster.ferry(
                        "sql",
                        "--session",
                        SESSION,
                        "-f",
                        file(
                                "bucketed.sql",
                                String.join(
                                        "\n",
                                        "SET 'table.sql-dialect' = 'hive';",
                                        "CREATE TABLE bucketed (a INT) CLUSTERED BY (a) INTO 4 BUCKETS;",
                                        ""))),
                "line 2",
                "Bucketed table is not supported");
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(client.tableExists("default", "bucketed")).isFalse();
    }

    @Test
    @Order(12)
    void anApplicationClusterRegistersTheCatalogOnItsJobManager() throws Exception {
        // given a script that writes into a Hive table; IF NOT EXISTS because the client runs the
        // DDL when it checks the script, and the JobManager runs it again
        String script = file(
                "app_events.sql",
                String.join(
                        "\n",
                        "SET 'execution.checkpointing.interval' = '2s';",
                        "SET 'table.sql-dialect' = 'hive';",
                        "CREATE TABLE IF NOT EXISTS app_events (n BIGINT) PARTITIONED BY (parity STRING) STORED AS TEXTFILE",
                        "TBLPROPERTIES ('sink.partition-commit.policy.kind' = 'metastore,success-file');",
                        "SET 'table.sql-dialect' = 'default';",
                        "CREATE TEMPORARY TABLE seq (n BIGINT) WITH (",
                        "  'connector' = 'datagen', 'rows-per-second' = '20',",
                        "  'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '100000');",
                        "INSERT INTO app_events SELECT n, IF(MOD(n, 2) = 0, 'even', 'odd') FROM seq;",
                        ""));

        // when
        JsonNode started =
                json(cluster.ferry("sql", "-f", script, "--application", "--jm-memory", "1024m", "-o", "json"));

        // then
        assertThat(started.get("job").get("mode").asText()).isEqualTo("application");
        assertThat(started.get("job").get("state").asText()).isEqualTo("RUNNING");
        awaitPartitions("app_events", List.of("parity=even", "parity=odd"));
        json(cluster.ferry("job", "stop", "app_events", "-o", "json"));
    }

    private static void assertRefused(FerryCliRun run, String... messageParts) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).contains(messageParts);
    }

    private int jobCount() throws Exception {
        return json(cluster.ferry("job", "list", "--all", "-o", "json")).size();
    }

    private Path copyConf(Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(cluster.confDir())) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to.toAbsolutePath();
    }
}
