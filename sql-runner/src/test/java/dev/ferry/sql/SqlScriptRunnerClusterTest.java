package dev.ferry.sql;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Scripts submitted to a MiniCluster through its REST endpoint, as to a session cluster. */
class SqlScriptRunnerClusterTest {

    private static MiniCluster cluster;
    private static SqlScriptRunner runner;
    private static SampleWriter samples;
    private static Configuration client;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path output;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration clusterConfig = new Configuration();
        clusterConfig.set(RestOptions.BIND_PORT, "0");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(clusterConfig)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(4)
                .build());
        cluster.start();
        URI rest = cluster.getRestAddress().get();
        client = new Configuration();
        client.set(DeploymentOptions.TARGET, "remote");
        client.set(RestOptions.ADDRESS, rest.getHost());
        client.set(RestOptions.PORT, rest.getPort());
        runner = new SqlScriptRunner(client);
        samples = new SampleWriter(client, TableEnvironmentSetup.NONE);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void runsAnInsertFromDatagenIntoCsvFiles() throws Exception {
        // given
        String script = """
        SET 'execution.runtime-mode' = 'batch';
        CREATE TABLE numbers (n BIGINT) WITH (
          'connector' = 'datagen', 'number-of-rows' = '10', 'fields.n.kind' = 'sequence',
          'fields.n.start' = '1', 'fields.n.end' = '10');
        CREATE TABLE csv (n BIGINT) WITH (
          'connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
        INSERT INTO csv SELECT n FROM numbers WHERE n > 5;
        """.formatted(output.toUri());

        // when
        SqlRunResult result = runner.submit(runner.prepare(SqlScript.parse(script), false));

        // then
        JobID job = result.jobId().orElseThrow();
        awaitFinished(job);
        assertThat(csvLines()).containsExactlyInAnyOrder("6", "7", "8", "9", "10");
    }

    @Test
    void givenADebugRun_whenTheInsertRuns_thenItsRowsComeBackAndTheSinkIsNeverWritten() throws Exception {
        // given
        String script = """
        SET 'execution.runtime-mode' = 'batch';
        CREATE TABLE numbers (n BIGINT) WITH (
          'connector' = 'datagen', 'number-of-rows' = '10', 'fields.n.kind' = 'sequence',
          'fields.n.start' = '1', 'fields.n.end' = '10');
        CREATE TABLE csv (n BIGINT, dt STRING) PARTITIONED BY (dt) WITH (
          'connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
        INSERT INTO csv PARTITION (dt = '2026-12-07') SELECT n FROM numbers WHERE n > 5;
        """.formatted(output.toUri());

        // when
        SqlRunResult result = runner.submit(runner.prepareDebugRun(SqlScript.parse(script)));

        // then: the INSERT's rows under the sink's column names, no job, nothing in the sink's directory
        assertThat(result.jobId()).isEmpty();
        assertThat(result.queries()).singleElement().satisfies(query -> {
            assertThat(query.sql()).startsWith("INSERT INTO csv");
            assertThat(query.columns()).containsExactly("n", "dt");
            assertThat(query.rows())
                    .containsExactlyInAnyOrder(
                            List.of("6", "2026-12-07"),
                            List.of("7", "2026-12-07"),
                            List.of("8", "2026-12-07"),
                            List.of("9", "2026-12-07"),
                            List.of("10", "2026-12-07"));
        });
        assertThat(output)
                .satisfiesAnyOf(
                        dir -> assertThat(dir).doesNotExist(),
                        dir -> assertThat(dir).isEmptyDirectory());
    }

    @Test
    void runsCreateTableAsSelect() throws Exception {
        // given
        String script = """
        SET 'execution.runtime-mode' = 'batch';
        CREATE TABLE numbers (n BIGINT) WITH (
          'connector' = 'datagen', 'number-of-rows' = '3', 'fields.n.kind' = 'sequence',
          'fields.n.start' = '1', 'fields.n.end' = '3');
        CREATE TABLE csv WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv')
          AS SELECT n FROM numbers;
        """.formatted(output.toUri());

        // when
        SqlRunResult result = runner.submit(runner.prepare(SqlScript.parse(script), false));

        // then
        awaitFinished(result.jobId().orElseThrow());
        assertThat(csvLines()).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void startsAStreamingInsertUnderItsPipelineName() throws Exception {
        // given
        String script = """
        SET 'pipeline.name' = 'endless-copy';
        CREATE TABLE endless (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
        CREATE TABLE sink (n INT) WITH ('connector' = 'blackhole');
        INSERT INTO sink SELECT n FROM endless;
        """;

        // when
        SqlRunResult result = runner.submit(runner.prepare(SqlScript.parse(script), false));

        // then
        JobID job = result.jobId().orElseThrow();
        try {
            assertThat(cluster.listJobs().get())
                    .filteredOn(j -> j.getJobId().equals(job))
                    .extracting(JobStatusMessage::getJobName)
                    .containsExactly("endless-copy");
        } finally {
            cluster.cancelJob(job).get();
        }
    }

    @Test
    void returnsTheRowsOfASelect() {
        // given
        String script = """
        CREATE TABLE numbers (n INT) WITH (
          'connector' = 'datagen', 'number-of-rows' = '3', 'fields.n.kind' = 'sequence',
          'fields.n.start' = '1', 'fields.n.end' = '3');
        SELECT n * 10 AS tens FROM numbers;
        """;

        // when
        SqlRunResult result = runner.submit(runner.prepare(SqlScript.parse(script), true));

        // then
        assertThat(result.jobId()).isEmpty();
        assertThat(result.queries()).singleElement().satisfies(query -> {
            assertThat(query.columns()).containsExactly("op", "tens");
            assertThat(query.rows())
                    .containsExactlyInAnyOrder(List.of("+I", "10"), List.of("+I", "20"), List.of("+I", "30"));
            assertThat(query.truncated()).isFalse();
        });
    }

    @Test
    void returnsBatchRowsWithoutRowKind() {
        // given
        String script = """
        SET 'execution.runtime-mode' = 'batch';
        CREATE TABLE numbers (n INT) WITH (
          'connector' = 'datagen', 'number-of-rows' = '4', 'fields.n.kind' = 'sequence',
          'fields.n.start' = '1', 'fields.n.end' = '4');
        SELECT COUNT(*) AS c, SUM(n) AS s FROM numbers;
        """;

        // when
        SqlRunResult result = runner.submit(runner.prepare(SqlScript.parse(script), true));

        // then
        assertThat(result.queries()).singleElement().satisfies(query -> {
            assertThat(query.columns()).containsExactly("c", "s");
            assertThat(query.rows()).containsExactly(List.of("4", "10"));
        });
    }

    @Test
    void stopsAnEndlessSelectAfterTheRowLimit() {
        // given
        String script = """
        CREATE TABLE endless (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '100000');
        SELECT n FROM endless;
        """;

        // when
        SqlRunResult result = runner.submit(runner.prepare(SqlScript.parse(script), true));

        // then
        assertThat(result.queries()).singleElement().satisfies(query -> {
            assertThat(query.rows()).hasSize(SqlScriptRunner.MAX_ROWS);
            assertThat(query.truncated()).isTrue();
        });
    }

    @Test
    void tellsTheListenerAnUpdatingQuerysChangelogRowsAsTheyArrive() {
        // given: an aggregation over two keys, whose counts update
        String script = """
        CREATE TABLE keys (k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '50',
          'fields.k.min' = '1', 'fields.k.max' = '2');
        SELECT k, COUNT(*) AS c FROM keys GROUP BY k;
        """;
        List<String> heard = new java.util.ArrayList<>();
        QueryListener listener = new QueryListener() {
            @Override
            public void started(String sql, List<String> columns) {
                heard.add(String.join(",", columns));
            }

            @Override
            public void row(List<String> row) {
                heard.add(String.join(",", row));
            }
        };
        SqlScriptRunner listening = runner.withQueryLimits(new QueryLimits(6, java.time.Duration.ofMinutes(1)))
                .withQueryListener(listener);

        // when
        SqlRunResult result = listening.submit(listening.prepare(SqlScript.parse(script), true));

        // then: the header, then every returned row, in order, with updates among them
        QueryResult query = result.queries().get(0);
        assertThat(heard.get(0)).isEqualTo("op,k,c");
        assertThat(heard.subList(1, heard.size()))
                .containsExactlyElementsOf(
                        query.rows().stream().map(row -> String.join(",", row)).toList());
        assertThat(query.rows())
                .hasSize(6)
                .anySatisfy(row -> assertThat(row.get(0)).isIn("-U", "+U"));
        assertThat(query.truncated()).isTrue();
    }

    @Test
    void submitsNothingWhenATableIsUnknown() throws Exception {
        // given
        int jobsBefore = cluster.listJobs().get().size();
        String script = """
        CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
        INSERT INTO sink SELECT n FROM nosuch;
        """;

        // when
        SqlScriptException error =
                catchThrowableOfType(SqlScriptException.class, () -> runner.prepare(SqlScript.parse(script), false));

        // then
        assertThat(error.getMessage()).isEqualTo("line 2, column 32: Object 'nosuch' not found");
        assertThat(cluster.listJobs().get()).hasSize(jobsBefore);
    }

    @Test
    void stopsAQuietSelectWhenItsTimeIsUp() {
        // given
        String script = """
        CREATE TABLE trickle (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1');
        SELECT n FROM trickle;
        """;
        SqlScriptRunner patient = runner.withQueryLimits(new QueryLimits(1000, Duration.ofSeconds(3)));
        long start = System.nanoTime();

        // when
        SqlRunResult result = patient.submit(patient.prepare(SqlScript.parse(script), true));

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(result.queries()).singleElement().satisfies(query -> {
            assertThat(query.rows().size()).isLessThan(1000);
            assertThat(query.truncated()).isTrue();
        });
    }

    private static final String ORDERS_SAMPLE_QUERY = "SELECT CAST(id AS BIGINT) AS id, CAST(item AS STRING) AS item"
            + " FROM (VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')) AS t(id, item)";

    @Test
    void givenABoundedQuery_whenSampled_thenItsFirstRowsAreWrittenAsJsonLinesWithItsColumns() throws Exception {
        // when
        List<SampleColumn> columns = samples.write(
                SampleWriter.Source.query(ORDERS_SAMPLE_QUERY),
                2,
                output.toUri().toString(),
                MINUTE);

        // then
        assertThat(columns)
                .containsExactly(new SampleColumn("id", "BIGINT"), new SampleColumn("item", "VARCHAR(2147483647)"));
        assertThat(jsonLines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"id\":"));
    }

    @Test
    void givenAnUnboundedTable_whenSampled_thenItIsRefusedAsUnbounded() {
        // given
        SampleWriter writer = new SampleWriter(
                client,
                tableEnv -> tableEnv.executeSql(
                        "CREATE TEMPORARY TABLE endless (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1')"));

        // when
        SampleException error = catchThrowableOfType(
                SampleException.class,
                () -> writer.write(
                        SampleWriter.Source.table("endless"), 5, output.toUri().toString(), MINUTE));

        // then
        assertThat(error).hasMessageContaining("table endless").hasMessageContaining("unbounded");
    }

    @Test
    void givenASample_whenADebugRunNamesItAsASource_thenTheInsertReadsTheSampleAndKeepsComputedColumns()
            throws Exception {
        // given: the script's own source is endless random data; the sample has three orders
        SampleTable sample = sampleOfOrders();
        String script = """
        CREATE TABLE orders (id BIGINT, item STRING, shout AS UPPER(item)) WITH (
          'connector' = 'datagen', 'rows-per-second' = '5');
        CREATE TABLE shipped (id BIGINT, item STRING) WITH ('connector' = 'blackhole');
        INSERT INTO shipped SELECT id * 10, shout FROM orders;
        """;

        // when
        SqlRunResult result = runner.submit(runner.prepareDebugRun(SqlScript.parse(script), List.of(sample)));

        // then
        assertThat(result.queries()).singleElement().satisfies(query -> {
            assertThat(query.columns()).containsExactly("op", "id", "item");
            assertThat(query.rows())
                    .containsExactlyInAnyOrder(
                            List.of("+I", "10", "APPLE"), List.of("+I", "20", "PEAR"), List.of("+I", "30", "PLUM"));
            assertThat(query.truncated()).isFalse();
        });
    }

    @Test
    void givenASampleWhoseColumnTypeDiffers_whenADebugRunUsesIt_thenItNamesTheColumnAndBothTypes() throws Exception {
        // given
        SampleTable sample = sampleOfOrders();
        String script = """
        CREATE TABLE orders (id INT, item STRING) WITH ('connector' = 'datagen');
        CREATE TABLE shipped (id INT) WITH ('connector' = 'blackhole');
        INSERT INTO shipped SELECT id FROM orders;
        """;

        // when
        SampleException error = catchThrowableOfType(
                SampleException.class, () -> runner.prepareDebugRun(SqlScript.parse(script), List.of(sample)));

        // then
        assertThat(error)
                .hasMessage("--source orders=orders-sample: column id is BIGINT in sample orders-sample but INT in"
                        + " default_catalog.default_database.orders: take the sample from that table or one like it");
    }

    @Test
    void givenASourceTheScriptDoesNotRead_whenADebugRunNamesIt_thenItIsRefused() throws Exception {
        // given: orders exists, but the INSERT reads only refunds
        SampleTable sample = sampleOfOrders();
        String script = """
        CREATE TABLE orders (id BIGINT, item STRING) WITH ('connector' = 'datagen');
        CREATE TABLE refunds (id BIGINT, item STRING) WITH ('connector' = 'datagen');
        CREATE TABLE shipped (id BIGINT) WITH ('connector' = 'blackhole');
        INSERT INTO shipped SELECT id FROM refunds;
        """;

        // when
        SampleException error = catchThrowableOfType(
                SampleException.class, () -> runner.prepareDebugRun(SqlScript.parse(script), List.of(sample)));

        // then
        assertThat(error)
                .hasMessageStartingWith("--source orders=orders-sample: the script does not read"
                        + " default_catalog.default_database.orders (it reads"
                        + " default_catalog.default_database.refunds)");
    }

    @Test
    void givenASourceTheScriptNeverHas_whenADebugRunNamesIt_thenItIsRefused() throws Exception {
        // given
        SampleTable sample = new SampleTable("nowhere.orders", "orders-sample", "file:///none", "json", List.of());

        // when
        SampleException error = catchThrowableOfType(
                SampleException.class, () -> runner.prepareDebugRun(SqlScript.parse("SELECT 1;"), List.of(sample)));

        // then
        assertThat(error).hasMessageContaining("the script has no table default_catalog.nowhere.orders");
    }

    private SampleTable sampleOfOrders() {
        String data = output.resolve("orders-sample").toUri().toString();
        List<SampleColumn> columns = samples.write(SampleWriter.Source.query(ORDERS_SAMPLE_QUERY), 10, data, MINUTE);
        return new SampleTable("orders", "orders-sample", data, "json", columns);
    }

    private List<String> jsonLines() throws Exception {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .flatMap(SqlScriptRunnerClusterTest::lines)
                    .toList();
        }
    }

    private static void awaitFinished(JobID job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JobStatus status = cluster.getJobStatus(job).get();
        while (!status.isGloballyTerminalState() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = cluster.getJobStatus(job).get();
        }
        assertThat(status).isEqualTo(JobStatus.FINISHED);
    }

    private List<String> csvLines() throws Exception {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .flatMap(SqlScriptRunnerClusterTest::lines)
                    .toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
