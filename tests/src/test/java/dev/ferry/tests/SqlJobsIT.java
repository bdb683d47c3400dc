package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL scripts through {@code ferry sql} on a real YARN and HDFS: a streaming INSERT in a session
 * and as an application cluster, stopped and resumed exactly-once, a query's rows, and scripts
 * refused before anything is submitted. The clusters push their metrics to a real Pushgateway,
 * Prometheus and Alertmanager ({@link TestMonitoring}): a job's metrics are found by its labels, a
 * failing job is alerted at a webhook, and jobs run on when the monitoring is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlJobsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ALERT_TIMEOUT = Duration.ofMinutes(2);
    private static YarnTestCluster cluster;
    private static TestMonitoring monitoring;
    private static java.nio.file.Path scripts;

    @BeforeAll
    static void startYarnWithASession() throws Exception {
        monitoring = TestMonitoring.start(
                java.nio.file.Path.of("target", "sql-it", "monitoring").toAbsolutePath());
        List<String> ferryYaml =
                new ArrayList<>(List.of("ferry.deploy.timeout: 120s", "ferry.job.running-timeout: 120s"));
        ferryYaml.addAll(monitoring.ferryYaml());
        ferryYaml.add("");
        cluster = YarnTestCluster.start(
                "sql-it",
                EmbeddedCluster.builder().nodeManagerMemoryMb(8192).queue("default", 100),
                running -> String.join("\n", ferryYaml));
        scripts = Files.createDirectories(
                java.nio.file.Path.of("target", "sql-it", "scripts").toAbsolutePath());
        json(cluster.ferry(
                "session",
                "start",
                "sqls",
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
    static void stopYarn() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (monitoring != null) {
                monitoring.close();
            }
        }
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    /**
     * A checkpointed sequence 0, 1, 2, ... into CSV files on HDFS, committed on checkpoints. The
     * end stays small: the datagen sequence holds every value on the heap when it opens, and
     * 100 000 000 of them ran the TaskManager out of memory (OutOfMemoryError in
     * SequenceGenerator.open, the job restarting until the running timeout).
     */
    private static String sequenceScript(String output) {
        return String.join(
                "\n",
                "-- the counting job, in SQL",
                "SET 'execution.checkpointing.interval' = '1s';",
                "CREATE TABLE seq (n BIGINT) WITH (",
                "  'connector' = 'datagen', 'rows-per-second' = '20',",
                "  'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '100000');",
                "CREATE TABLE numbers (n BIGINT) WITH (",
                "  'connector' = 'filesystem', 'path' = '" + cluster.hdfs(output) + "', 'format' = 'csv');",
                "INSERT INTO numbers SELECT n FROM seq;",
                "");
    }

    private static String file(String name, String content) throws Exception {
        return Files.writeString(scripts.resolve(name), content).toString();
    }

    @Test
    @Order(1)
    void aScriptInASessionStartsOneJobNamedAfterTheFile() throws Exception {
        String script = file("numbers.sql", sequenceScript("/out/sql-session"));

        JsonNode result = json(cluster.ferry("sql", "-f", script, "--session", "sqls", "-o", "json"));

        JsonNode job = result.get("job");
        assertThat(job.get("name").asText()).isEqualTo("numbers");
        assertThat(job.get("state").asText()).isEqualTo("RUNNING");
        assertThat(job.get("cluster").asText()).isEqualTo("sqls");
        JsonNode status = json(cluster.ferry("job", "status", "numbers", "-o", "json"));
        assertThat(status.get("kind").asText()).isEqualTo("sql");
        assertThat(status.get("artifact").asText()).endsWith("/numbers.sql");
    }

    @Test
    @Order(2)
    void aStoppedSqlJobResumesWithEveryNumberExactlyOnce() throws Exception {
        awaitNumbers("/out/sql-session", 20);
        json(cluster.ferry("job", "stop", "numbers", "-o", "json"));

        JsonNode resumed = json(cluster.ferry("job", "resume", "numbers", "--from-latest", "-o", "json"));

        assertThat(resumed.get("state").asText()).isEqualTo("RUNNING");
        int before = numbers("/out/sql-session").size();
        awaitNumbers("/out/sql-session", before + 20);
        json(cluster.ferry("job", "stop", "numbers", "-o", "json"));
        List<Long> numbers = numbers("/out/sql-session");
        long max = numbers.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(numbers.stream().mapToLong(Long::longValue).sorted().toArray())
                .containsExactly(LongStream.rangeClosed(0, max).toArray());
    }

    @Test
    @Order(3)
    void aQueryInASessionReturnsItsRows() throws Exception {
        JsonNode result = json(cluster.ferry(
                "sql",
                "--session",
                "sqls",
                "-o",
                "json",
                "-e",
                "SELECT id, name FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name);"));

        assertThat(result.get("job").isNull()).isTrue();
        JsonNode query = result.get("queries").get(0);
        assertThat(query.get("columns").toString()).contains("id", "name");
        assertThat(query.get("rows").toString()).contains("\"1\",\"a\"", "\"2\",\"b\"");
    }

    @Test
    @Order(4)
    void aScriptRunsAsItsOwnApplicationCluster() throws Exception {
        String script = file("appnumbers.sql", sequenceScript("/out/sql-app"));

        JsonNode result =
                json(cluster.ferry("sql", "-f", script, "--application", "--jm-memory", "1024m", "-o", "json"));

        JsonNode job = result.get("job");
        assertThat(job.get("state").asText()).isEqualTo("RUNNING");
        assertThat(job.get("mode").asText()).isEqualTo("application");
        assertThat(job.get("cluster").asText()).isEqualTo("appnumbers");
        awaitNumbers("/out/sql-app", 10);
        json(cluster.ferry("job", "stop", "appnumbers", "-o", "json"));
    }

    @Test
    @Order(5)
    void badScriptsAreRefusedWithTheirLineAndNothingIsSubmitted() throws Exception {
        int jobsBefore =
                json(cluster.ferry("job", "list", "--all", "-o", "json")).size();

        assertRefused(
                cluster.ferry("sql", "--session", "sqls", "-f", file("syntax.sql", "SET 'a' = 'b';\nSELEC 1;\n")),
                "syntax.sql",
                "line 2, column 1");
        assertRefused(
                cluster.ferry(
                        "sql",
                        "--session",
                        "sqls",
                        "-f",
                        file(
                                "unknown.sql",
                                "CREATE TABLE t (n INT) WITH ('connector' = 'blackhole');\nINSERT INTO t SELECT n FROM nosuch;\n")),
                "line 2",
                "Object 'nosuch' not found");
        assertRefused(cluster.ferry("sql", "--application", "-e", "SELECT 1;"), "SELECT");
        assertRefused(
                cluster.ferry(
                        "sql",
                        "--session",
                        "sqls",
                        "-f",
                        file(
                                "two.sql",
                                String.join(
                                        "\n",
                                        "CREATE TABLE t (n INT) WITH ('connector' = 'blackhole');",
                                        "INSERT INTO t VALUES (1);",
                                        "INSERT INTO t VALUES (2);"))),
                "line 3",
                "EXECUTE STATEMENT SET");

        assertThat(json(cluster.ferry("job", "list", "--all", "-o", "json")).size())
                .isEqualTo(jobsBefore);
        assertThat(cluster.yarn()
                        .getApplications(
                                java.util.EnumSet.of(org.apache.hadoop.yarn.api.records.YarnApplicationState.RUNNING)))
                .hasSize(1);
    }

    @Test
    @Order(6)
    void aRunningJobsRecordsInAreInPrometheusUnderItsJobClusterAndQueue() throws Exception {
        json(cluster.ferry(
                "sql",
                "--session",
                "sqls",
                "-f",
                file(
                        "watched.sql",
                        String.join(
                                "\n",
                                "CREATE TABLE gen (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');",
                                "CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');",
                                "INSERT INTO sink SELECT n FROM gen WHERE n IS NOT NULL;",
                                "")),
                "-o",
                "json"));

        JsonNode result = monitoring.awaitQuery(
                "sum by (job_name, ferry_cluster, ferry_queue) (flink_taskmanager_job_task_numRecordsIn{"
                        + "job_name=\"watched\", ferry_cluster=\"sqls\", ferry_queue=\"default\"}) > 0",
                Duration.ofSeconds(90));

        assertThat(result.get(0).get("metric").get("job_name").asText()).isEqualTo("watched");
        assertThat(result.get(0).get("value").get(1).asDouble()).isPositive();
    }

    /** Fails on every record from the 500th on (division by zero), so it restarts over and over. */
    @Test
    @Order(7)
    void aJobThatStartsFailingIsAlertedAtTheWebhookNamingJobAndCluster() throws Exception {
        json(cluster.ferry(
                "sql",
                "--session",
                "sqls",
                "-f",
                file(
                        "failing.sql",
                        String.join(
                                "\n",
                                "SET 'execution.checkpointing.interval' = '1s';",
                                "CREATE TABLE seq (n BIGINT) WITH (",
                                "  'connector' = 'datagen', 'rows-per-second' = '50',",
                                "  'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '100000');",
                                "CREATE TABLE sink (q BIGINT) WITH ('connector' = 'blackhole');",
                                "INSERT INTO sink SELECT 100 / (n - 500) FROM seq;",
                                "")),
                "-o",
                "json"));

        JsonNode alert = monitoring.awaitAlert(
                a -> a.path("labels").path("alertname").asText().equals("FerryJobRestarting")
                        && a.path("labels").path("job_name").asText().equals("failing"),
                ALERT_TIMEOUT);

        assertThat(alert.get("labels").get("ferry_cluster").asText()).isEqualTo("sqls");
        assertThat(alert.get("labels").get("ferry_queue").asText()).isEqualTo("default");
        assertThat(alert.get("annotations").get("summary").asText())
                .startsWith("Ferry job failing on cluster sqls restarted");
        json(cluster.ferry("job", "cancel", "failing", "-o", "json"));
    }

    @Test
    @Order(8)
    void jobsRunOnWhenPrometheusAlertmanagerAndThePushgatewayAreDown() throws Exception {
        monitoring.stopServers();

        // Five push intervals: every TaskManager and the JobManager have failed to push a few times.
        Thread.sleep(10_000);

        assertThat(json(cluster.ferry("job", "status", "watched", "-o", "json"))
                        .get("state")
                        .asText())
                .isEqualTo("RUNNING");
        JsonNode session = json(cluster.ferry("session", "status", "sqls", "-o", "json"));
        assertThat(session.get("state").asText()).isEqualTo("RUNNING");
        json(cluster.ferry("job", "stop", "watched", "-o", "json"));
    }

    private static void assertRefused(FerryCliRun run, String... messageParts) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).contains(messageParts);
    }

    private static void awaitNumbers(String dir, int count) throws Exception {
        long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
        while (numbers(dir).size() < count) {
            assertThat(System.nanoTime())
                    .as("%d numbers committed in %s", count, dir)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Numbers in the committed files; in-progress files start with a dot. */
    private static List<Long> numbers(String dir) throws Exception {
        FileSystem fs = cluster.fileSystem();
        List<Long> numbers = new ArrayList<>();
        Path root = new Path(cluster.hdfs(dir));
        if (!fs.exists(root)) {
            return numbers;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (file.getName().startsWith(".") || file.getName().startsWith("_")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
                in.lines().filter(l -> !l.isBlank()).forEach(l -> numbers.add(Long.parseLong(l.trim())));
            }
        }
        return numbers;
    }
}
