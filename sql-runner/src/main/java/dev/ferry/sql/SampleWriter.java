package dev.ferry.sql;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.util.ExceptionUtils;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes samples: the first rows of a table or a query, written by a batch job as JSON lines
 * (Flink's {@code json} format, which the debug run's stand-in table reads back with the same
 * types), and the columns of a table or a column list for samples made from local files.
 */
public final class SampleWriter {

    /** Where a sample's rows come from: a table by name, or a query. */
    public record Source(String text, boolean query) {

        public static Source table(String name) {
            return new Source(name, false);
        }

        public static Source query(String sql) {
            return new Source(sql, true);
        }

        /** {@code table NAME} or {@code query 'SQL'}: the sample's source, in messages and in its description. */
        public String describe() {
            return query ? "query '" + text + "'" : "table " + text;
        }
    }

    private final Configuration flinkConfig;
    private final TableEnvironmentSetup setup;

    /**
     * @param flinkConfig where the job goes (a session's REST endpoint)
     * @param setup applied to the TableEnvironment first (the Hive catalog)
     */
    public SampleWriter(Configuration flinkConfig, TableEnvironmentSetup setup) {
        this.flinkConfig = new Configuration(Objects.requireNonNull(flinkConfig, "flinkConfig"));
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    /**
     * Writes at most {@code rows} rows of {@code source} into {@code dataDir} and returns their
     * columns. The job is cancelled when it runs longer than {@code timeout} or the JVM exits.
     *
     * @throws SampleException for a table or query that cannot be read in batch mode
     * @throws SampleException.Late when the job did not end within {@code timeout}
     */
    public List<SampleColumn> write(Source source, int rows, String dataDir, Duration timeout) {
        StreamTableEnvironment tableEnv = batchEnvironment();
        Table table = resolve(tableEnv, source);
        ResolvedSchema schema = table.getResolvedSchema();
        TableDescriptor files = TableDescriptor.forConnector("filesystem")
                .schema(storedColumns(schema))
                .option("path", dataDir)
                .format("json")
                .build();
        TableResult result;
        try {
            result = table.limit(rows).insertInto(files).execute();
        } catch (RuntimeException e) {
            throw new SampleException(source.describe() + " cannot be sampled: " + rootMessage(e), e);
        }
        await(result, source, timeout);
        return SampleColumn.of(schema);
    }

    /** The columns of table {@code name}, as a sample of it would have them. */
    public List<SampleColumn> columnsOfTable(String name) {
        StreamTableEnvironment tableEnv = batchEnvironment();
        return SampleColumn.of(resolve(tableEnv, Source.table(name)).getResolvedSchema());
    }

    /** The columns of a column list as CREATE TABLE takes it: {@code id BIGINT, name STRING}. */
    public List<SampleColumn> columnsOfDefinition(String columns) {
        StreamTableEnvironment tableEnv = batchEnvironment();
        try {
            tableEnv.executeSql(
                    "CREATE TEMPORARY TABLE ferry_sample_columns (" + columns + ") WITH ('connector' = 'blackhole')");
            return SampleColumn.of(tableEnv.from("ferry_sample_columns").getResolvedSchema());
        } catch (RuntimeException e) {
            throw new SampleException(
                    "'" + columns + "' is not a column list: give it as CREATE TABLE does, e.g."
                            + " 'id BIGINT, name STRING' (" + rootMessage(e) + ")",
                    e);
        }
    }

    /** Batch: a sample is the first rows of a bounded table, and the job ends when they are written. */
    private StreamTableEnvironment batchEnvironment() {
        StreamTableEnvironment tableEnv = TableEnvironmentFactory.create(flinkConfig, RuntimeExecutionMode.BATCH)
                .tableEnv();
        setup.apply(tableEnv);
        return tableEnv;
    }

    private static Table resolve(StreamTableEnvironment tableEnv, Source source) {
        try {
            return source.query() ? tableEnv.sqlQuery(source.text()) : tableEnv.from(source.text());
        } catch (RuntimeException e) {
            throw new SampleException(source.describe() + " cannot be read: " + rootMessage(e), e);
        }
    }

    /** Stored as written: computed columns' values too, and time attributes as plain timestamps. */
    private static Schema storedColumns(ResolvedSchema schema) {
        Schema.Builder builder = Schema.newBuilder();
        SampleColumn.of(schema).forEach(column -> builder.column(column.name(), column.type()));
        return builder.build();
    }

    private static void await(TableResult result, Source source, Duration timeout) {
        Optional<JobClient> job = result.getJobClient();
        try (OnExit cancel = OnExit.run(() -> job.ifPresent(SampleWriter::cancelQuietly), "ferry-sample-cancel")) {
            result.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.ifPresent(SampleWriter::cancelQuietly);
            throw new SampleException.Late(source.describe() + " gave no sample within " + timeout.toSeconds()
                    + " s; its job was cancelled: give a longer --timeout, fewer --rows, or a bounded query");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.ifPresent(SampleWriter::cancelQuietly);
            throw new SampleException("Interrupted while taking a sample of " + source.describe(), e);
        } catch (ExecutionException e) {
            throw new SampleException(source.describe() + " failed to be sampled: " + rootMessage(e), e);
        }
    }

    private static void cancelQuietly(JobClient job) {
        try {
            job.cancel().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Finished meanwhile, or the cluster is gone: either way no job is left running.
        }
    }

    /** Flink's reason in one line; a batch job refusing an unbounded source, in Ferry's words. */
    private static String rootMessage(Throwable error) {
        Throwable root = ExceptionUtils.stripExecutionException(error);
        if (ExceptionUtils.findThrowableWithMessage(root, "unbounded").isPresent()) {
            return "it is unbounded, and a sample is taken by a batch job: sample a bounded table (Hive, files) or"
                    + " query";
        }
        return SqlScriptException.oneLine(StatementErrors.describe(root));
    }
}
