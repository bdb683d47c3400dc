package dev.ferry.tests;

import dev.ferry.hive.testing.HiveTables;
import dev.ferry.hive.testing.LocalPostgres;
import dev.ferry.hive.testing.TestMetastore;
import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.table.catalog.hive.HiveCatalog;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The Hive catalog in {@code ferry sql} against a real Hive Metastore 3.1.3 process keeping its
 * catalog in PostgreSQL, as production metastores do (installed and started by {@link
 * LocalPostgres}; root needed, else the suite fails; {@code -Dferry.test.postgres=skip} runs it on
 * Derby locally). One session serves every test. Tables made by Flink are seen by a plain metastore
 * client and the other way round, a streaming INSERT commits its partitions, an application cluster
 * registers the catalog on its JobManager, bad input is refused in one line before anything is
 * submitted, and a metastore that is down fails fast. The metastore and Ferry's client of it are
 * tested in hive-catalog, on Derby and on PostgreSQL, a restart included (PostgresMetastoreIT).
 */
@Timeout(300)
class HiveSqlIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("hive-sql-it");

    private static final String SESSION = "hivesql";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(120);
    private static final boolean ON_POSTGRES = !"skip".equals(System.getProperty(LocalPostgres.OPT_OUT_PROPERTY));

    private static TestMetastore metastore;
    private static HiveMetaStoreClient client;

    @BeforeAll
    static void startAMetastoreAndASession() throws Exception {
        metastore = ON_POSTGRES ? TestMetastore.startOnPostgres("hive-sql-it") : TestMetastore.start("hive-sql-it");
        client = newClient();
        // The Hive catalog is the current one, so scripts name Hive tables without a catalog prefix.
        cluster.set("ferry.hive-catalog.conf-dir", metastore.clientConfDir().toString())
                .set("ferry.hive-catalog.default-catalog", "true");
        // TaskManagers keep conf/config.yaml's size: the SQL runtime ran out of heap in 1024m ones.
        json(cluster.ferry(
                "session",
                "start",
                SESSION,
                "--min-taskmanagers",
                "1",
                "--slots",
                "2",
                "--jm-memory",
                "1024m",
                "-o",
                "json"));
    }

    @AfterAll
    static void stopTheMetastore() {
        if (client != null) {
            client.close();
        }
        if (metastore != null) {
            metastore.close();
        }
    }

    @Test
    void aTableCreatedInTheHiveDialectIsAPlainHiveTable() throws Exception {
        // given
        String script = file(
                "visits.sql",
                String.join(
                        "\n",
                        "SET 'table.sql-dialect' = 'hive';",
                        "CREATE TABLE visits (id INT, page STRING) PARTITIONED BY (dt STRING) STORED AS ORC;",
                        ""));

        // when
        JsonNode result = json(cluster.ferry("sql", "-f", script, "--session", SESSION, "-o", "json"));

        // then: Hive sees an ORC table, which the metastore keeps in its database
        assertThat(result.get("job").isNull()).isTrue();
        assertIsAnOrcTableOfTheHiveDialect(client.getTable("default", "visits"));
        if (ON_POSTGRES) {
            assertThat(tableNamesInPostgres()).contains("visits");
        }
    }

    @Test
    void aTableCreatedAsHiveWouldIsQueryable() throws Exception {
        // given a text table on HDFS made through the plain client, and a data file in its location
        createClicks("clicks");

        // when
        JsonNode result = json(cluster.ferry(
                "sql",
                "--session",
                SESSION,
                "-o",
                "json",
                "-e",
                "SET 'execution.runtime-mode' = 'batch';\nSELECT id, page FROM clicks WHERE id > 1 ORDER BY id;"));

        // then
        JsonNode query = result.get("queries").get(0);
        assertThat(query.get("columns").toString()).contains("id", "page");
        assertThat(query.get("rows").toString()).isEqualTo("[[\"2\",\"cart\"],[\"3\",\"checkout\"]]");
    }

    @Test
    void givenAPartitionedHiveTable_whenAnInsertIntoItRunsAsADebugRun_thenItsRowsArePrintedAndTheTableIsUnchanged()
            throws Exception {
        // given: a source table with three rows, and an empty partitioned target on HDFS
        createClicks("debug_clicks");
        String location = createEmptyPages("debug_pages");

        // when
        JsonNode result = json(cluster.ferry(
                "sql",
                "--session",
                SESSION,
                "--debug",
                "-o",
                "json",
                "-e",
                "SET 'execution.runtime-mode' = 'batch';\n"
                        + "INSERT INTO debug_pages PARTITION (dt = '2026-12-07')"
                        + " SELECT page FROM debug_clicks WHERE id > 1;"));

        // then: the rows the INSERT would write, no job, and not a file or partition more in the target
        assertThat(result.get("job").isNull()).isTrue();
        JsonNode rows = result.get("queries").get(0).get("rows");
        assertThat(rows.toString()).contains("\"cart\"", "\"checkout\"").doesNotContain("\"home\"");
        assertThat(rows).hasSize(2);
        assertThat(client.listPartitionNames("default", "debug_pages", (short) -1))
                .isEmpty();
        assertThat(cluster.fileSystem().listStatus(new Path(location))).isEmpty();
    }

    @Test
    void
            givenASampleOfAHiveTable_whenADebugRunReadsItInsteadOfTheScriptsSource_thenItsRowsArePrintedAndTheTargetIsUnchanged()
                    throws Exception {
        // given: a sample of two rows of one table, and a script that reads another, with other rows
        createClicks("sampled_clicks");
        JsonNode sample = json(cluster.ferry(
                "sample",
                "create",
                "clicks-sample",
                "--from",
                "default.sampled_clicks",
                "--rows",
                "2",
                "--session",
                SESSION,
                "-o",
                "json"));
        createClicks("live_clicks", "7,live\n8,live\n");
        String location = createEmptyPages("sampled_pages");
        String script = "SET 'execution.runtime-mode' = 'batch';\n"
                + "INSERT INTO sampled_pages PARTITION (dt = '2026-12-07') SELECT page FROM live_clicks WHERE id > 1;";

        // when
        JsonNode result = json(cluster.ferry(
                "sql",
                "--session",
                SESSION,
                "--debug",
                "--source",
                "default.live_clicks=clicks-sample",
                "-o",
                "json",
                "-e",
                script));

        // then: the sample has the table's columns; the INSERT's rows come from it (id 2 of ids 1 and 2),
        // and the target has not a file or partition more
        assertThat(sample.get("rows").asInt()).isEqualTo(2);
        assertThat(sample.get("columns").toString()).contains("\"id\"", "\"INT\"", "\"page\"");
        JsonNode rows = result.get("queries").get(0).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.toString()).contains("\"cart\"").doesNotContain("live");
        assertThat(client.listPartitionNames("default", "sampled_pages", (short) -1))
                .isEmpty();
        assertThat(cluster.fileSystem().listStatus(new Path(location))).isEmpty();
        assertThat(json(cluster.ferry("sample", "show", "clicks-sample", "-o", "json"))
                        .get("firstRows"))
                .hasSize(2);

        // and: a source the script does not have is refused in one line, exit 2
        FerryCliRun unread = cluster.ferry(
                "sql", "--session", SESSION, "--debug", "--source", "default.nope=clicks-sample", "-e", script);
        assertThat(unread.exitCode()).as(unread.stderr()).isEqualTo(2);
        assertThat(unread.stderr()).contains("--source default.nope=clicks-sample: the script has no table");
        json(cluster.ferry("sample", "remove", "clicks-sample", "-o", "json"));
    }

    @Test
    void aStreamingInsertCommitsItsPartitionsToTheMetastore() throws Exception {
        // given (a sequence's end stays small: the datagen sequence holds every value on the heap,
        // 100 M of them ran a TaskManager out of memory)
        String script = file(
                "hive_events.sql",
                String.join(
                        "\n",
                        "SET 'execution.checkpointing.interval' = '2s';",
                        "SET 'table.sql-dialect' = 'hive';",
                        "CREATE TABLE events (n BIGINT) PARTITIONED BY (parity STRING) STORED AS TEXTFILE TBLPROPERTIES (",
                        "  'sink.partition-commit.policy.kind' = 'metastore,success-file',",
                        "  'sink.partition-commit.trigger' = 'process-time',",
                        "  'sink.partition-commit.delay' = '0 s');",
                        "SET 'table.sql-dialect' = 'default';",
                        "CREATE TEMPORARY TABLE seq (n BIGINT) WITH (",
                        "  'connector' = 'datagen', 'rows-per-second' = '20',",
                        "  'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '100000');",
                        "INSERT INTO events SELECT n, IF(MOD(n, 2) = 0, 'even', 'odd') FROM seq;",
                        ""));

        // when
        JsonNode started = json(cluster.ferry("sql", "-f", script, "--session", SESSION, "-o", "json"));

        // then the partitions appear in the metastore, and their rows are readable
        assertThat(started.get("job").get("state").asText()).isEqualTo("RUNNING");
        awaitPartitions("events", List.of("parity=even", "parity=odd"));
        json(cluster.ferry("job", "stop", "hive_events", "-o", "json"));
        JsonNode result = json(cluster.ferry(
                "sql",
                "--session",
                SESSION,
                "-o",
                "json",
                "-e",
                String.join(
                        "\n",
                        "SET 'execution.runtime-mode' = 'batch';",
                        "SELECT COUNT(*) AS all_rows, COUNT(CASE WHEN MOD(n, 2) = 1 THEN 1 END) AS odd_rows",
                        "FROM events WHERE parity = 'even';")));
        JsonNode row = result.get("queries").get(0).get("rows").get(0);
        assertThat(Long.parseLong(row.get(0).asText())).isPositive();
        assertThat(row.get(1).asText()).isEqualTo("0");
    }

    @Test
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

    @Test
    void aMetastoreThatIsDownFailsInOneLineNamingItsUriAndNothingIsSubmitted() throws Exception {
        // given a Ferry configuration naming a metastore nobody listens on
        String deadUri = "thrift://localhost:" + TestMetastore.freePort();
        java.nio.file.Path deadSite =
                TestMetastore.writeClientSite(cluster.work().resolve("dead-hive-conf"), deadUri);
        java.nio.file.Path confDir =
                YarnTestCluster.copyConf(cluster.confDir(), cluster.work().resolve("ferry-conf-dead"));
        Files.writeString(
                confDir.resolve("ferry.yaml"),
                Files.readString(cluster.confDir().resolve("ferry.yaml"))
                        .replace(metastore.clientConfDir().toString(), deadSite.toString()));
        int jobsBefore = jobCount();

        // when
        FerryCliRun run = cluster.ferryWithConf(confDir, "sql", "--session", SESSION, "-e", "SELECT 1;");

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).contains(deadUri);
        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    @Test
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
        FerryCliRun bucketed = cluster.ferry(
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
                                "")));
        assertRefused(bucketed, "bucketed.sql, line 2: Bucketed table is not supported");
        assertThat(bucketed.stderr()).doesNotContain("null");
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(client.tableExists("default", "bucketed")).isFalse();
    }

    /** A text table {@code name} (id, page) on HDFS, made through the plain client, with three rows. */
    private static void createClicks(String name) throws Exception {
        createClicks(name, "1,home\n2,cart\n3,checkout\n");
    }

    /** An empty text table partitioned by dt on HDFS; returns its location. */
    private static String createEmptyPages(String name) throws Exception {
        String location = cluster.hdfs("/external/" + name);
        Table target = HiveTables.createTextTable(
                client,
                "default",
                name,
                metastore.dataDir(name),
                List.of(new FieldSchema("page", "string", null)),
                List.of(new FieldSchema("dt", "string", null)));
        target.getSd().setLocation(location);
        client.alter_table("default", name, target);
        cluster.fileSystem().mkdirs(new Path(location));
        return location;
    }

    private static void createClicks(String name, String rows) throws Exception {
        String location = cluster.hdfs("/external/" + name);
        Table table = HiveTables.createTextTable(
                client,
                "default",
                name,
                metastore.dataDir(name),
                List.of(new FieldSchema("id", "int", null), new FieldSchema("page", "string", null)),
                List.of());
        table.getSd().setLocation(location);
        client.alter_table("default", name, table);
        try (FSDataOutputStream out = cluster.fileSystem().create(new Path(location + "/part-0"))) {
            out.write(rows.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void assertIsAnOrcTableOfTheHiveDialect(Table table) {
        assertThat(table.getSd().getCols())
                .extracting(FieldSchema::getName, FieldSchema::getType)
                .containsExactly(tuple("id", "int"), tuple("page", "string"));
        assertThat(table.getPartitionKeys())
                .extracting(FieldSchema::getName, FieldSchema::getType)
                .containsExactly(tuple("dt", "string"));
        assertThat(table.getSd().getInputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.orc.OrcInputFormat");
        assertThat(table.getSd().getSerdeInfo().getSerializationLib())
                .isEqualTo("org.apache.hadoop.hive.ql.io.orc.OrcSerde");
    }

    /** A plain metastore client, as Hive and Spark would use. */
    private static HiveMetaStoreClient newClient() throws Exception {
        return new HiveMetaStoreClient(
                HiveCatalog.createHiveConf(metastore.clientConfDir().toString(), null));
    }

    private static void awaitPartitions(String table, List<String> partitions) throws Exception {
        long deadline = System.nanoTime() + COMMIT_TIMEOUT.toNanos();
        while (!client.listPartitionNames("default", table, (short) -1).containsAll(partitions)) {
            assertThat(System.nanoTime())
                    .as("partitions %s of %s committed", partitions, table)
                    .isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    private static List<String> tableNamesInPostgres() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = LocalPostgres.connect(metastore.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"TBL_NAME\" FROM \"TBLS\"")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void assertRefused(FerryCliRun run, String... messageParts) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).contains(messageParts);
    }

    private static int jobCount() throws Exception {
        return json(cluster.ferry("job", "list", "--all", "-o", "json")).size();
    }

    private static String file(String name, String content) throws Exception {
        return Files.writeString(cluster.work().resolve(name), content).toString();
    }

    /** The command's JSON document; of {@code ferry sql}'s JSON lines (a row per line), the last: its summary. */
    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JsonLines.last(run.stdout());
    }
}
