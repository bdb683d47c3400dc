package dev.ferry.tests;

import dev.ferry.hive.testing.HiveTables;
import dev.ferry.hive.testing.TestMetastore;
import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;

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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The Hive catalog in {@code ferry sql}, whatever database the metastore keeps its catalog in:
 * one YARN + HDFS, one real Hive Metastore 3.1.3 process and one session per suite. Tables made
 * by Flink are seen by a plain metastore client and the other way round, and a streaming INSERT
 * commits its partitions to the metastore. Each concrete suite says which metastore it runs
 * against and adds what only matters there; their own tests come after these (order 10 and up).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HiveSqlSuite {

    protected static final String SESSION = "hivesql";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(120);
    /** The rows of {@code clicks} with id > 1, as ferry sql's JSON prints them. */
    protected static final String CLICKS_AFTER_ONE = "[[\"2\",\"cart\"],[\"3\",\"checkout\"]]";

    /** Names the suite's YARN cluster, metastore and work directory below target/. */
    protected final String suite;

    protected TestMetastore metastore;
    protected YarnTestCluster cluster;
    protected HiveMetaStoreClient client;
    private java.nio.file.Path scripts;

    protected HiveSqlSuite(String suite) {
        this.suite = suite;
    }

    /** Starts the suite's metastore process, on the database the suite is about. */
    protected abstract TestMetastore startMetastore(String name) throws Exception;

    /** The Hive catalog is the current one, so scripts name Hive tables without a catalog prefix. */
    protected static String ferryYaml(java.nio.file.Path hiveConfDir) {
        return String.join(
                "\n",
                "ferry.deploy.timeout: 120s",
                "ferry.job.running-timeout: 120s",
                "ferry.hive-catalog.conf-dir: " + hiveConfDir,
                "ferry.hive-catalog.default-catalog: true",
                "");
    }

    @BeforeAll
    void startMetastoreYarnAndASession() throws Exception {
        metastore = startMetastore(suite);
        client = newClient();
        cluster = YarnTestCluster.start(
                suite,
                EmbeddedCluster.builder().nodeManagerMemoryMb(8192).queue("default", 100),
                running -> ferryYaml(metastore.clientConfDir()));
        scripts = Files.createDirectories(
                java.nio.file.Path.of("target", suite, "scripts").toAbsolutePath());
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
    void stopAll() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (metastore != null) {
            metastore.close();
        }
    }

    @Test
    @Order(1)
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

        // then
        assertThat(result.get("job").isNull()).isTrue();
        assertIsTheVisitsTableOfTheHiveDialect(client.getTable("default", "visits"));
    }

    @Test
    @Order(2)
    void aTableCreatedAsHiveWouldIsQueryable() throws Exception {
        // given a text table on HDFS made through the plain client, and a data file in its location
        String location = cluster.hdfs("/external/clicks");
        Table table = HiveTables.createTextTable(
                client,
                "default",
                "clicks",
                metastore.dataDir("clicks"),
                List.of(new FieldSchema("id", "int", null), new FieldSchema("page", "string", null)),
                List.of());
        table.getSd().setLocation(location);
        client.alter_table("default", "clicks", table);
        try (FSDataOutputStream out = cluster.fileSystem().create(new Path(location + "/part-0"))) {
            out.write("1,home\n2,cart\n3,checkout\n".getBytes(StandardCharsets.UTF_8));
        }

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
        assertThat(query.get("rows").toString()).isEqualTo(CLICKS_AFTER_ONE);
    }

    @Test
    @Order(3)
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

    /** What {@code visits} of {@link #aTableCreatedInTheHiveDialectIsAPlainHiveTable} looks like to Hive. */
    protected static void assertIsTheVisitsTableOfTheHiveDialect(Table table) {
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

    /** A plain metastore client of the suite's metastore, as Hive and Spark would use. */
    protected HiveMetaStoreClient newClient() throws Exception {
        return new HiveMetaStoreClient(
                HiveCatalog.createHiveConf(metastore.clientConfDir().toString(), null));
    }

    protected void awaitPartitions(String table, List<String> partitions) throws Exception {
        long deadline = System.nanoTime() + COMMIT_TIMEOUT.toNanos();
        while (!client.listPartitionNames("default", table, (short) -1).containsAll(partitions)) {
            assertThat(System.nanoTime())
                    .as("partitions %s of %s committed", partitions, table)
                    .isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    protected String file(String name, String content) throws Exception {
        return Files.writeString(scripts.resolve(name), content).toString();
    }

    protected static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }
}
