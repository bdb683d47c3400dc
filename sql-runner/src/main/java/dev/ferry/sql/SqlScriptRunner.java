package dev.ferry.sql;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.api.internal.TableResultInternal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a script in a TableEnvironment, streaming by default ({@code SET
 * 'execution.runtime-mode'} switches the whole script). Two phases, so a launcher can validate
 * a script before it deploys anything: {@link #prepare} runs the session statements and plans the
 * job, {@link #submit} starts the job and runs the queries. Prints nothing: results are returned.
 */
public final class SqlScriptRunner {

    /** Rows kept per query by default; the query is cancelled when it has more. */
    public static final int MAX_ROWS = QueryLimits.DEFAULT.maxRows();

    private final Configuration flinkConfig;
    private final QueryLimits queryLimits;
    private final TableEnvironmentSetup setup;
    private final QueryListener listener;

    /**
     * @param flinkConfig where jobs go, e.g. {@code execution.target: remote} with {@code
     *     rest.address} and {@code rest.port} for a session; in application mode, the context
     *     Flink's entry point installed is used and this may be empty
     */
    public SqlScriptRunner(Configuration flinkConfig) {
        this(flinkConfig, QueryLimits.DEFAULT, TableEnvironmentSetup.NONE, QueryListener.NONE);
    }

    private SqlScriptRunner(
            Configuration flinkConfig, QueryLimits queryLimits, TableEnvironmentSetup setup, QueryListener listener) {
        this.flinkConfig = new Configuration(Objects.requireNonNull(flinkConfig, "flinkConfig"));
        this.queryLimits = Objects.requireNonNull(queryLimits, "queryLimits");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A runner like this one that stops SELECT queries at other limits. */
    public SqlScriptRunner withQueryLimits(QueryLimits limits) {
        return new SqlScriptRunner(flinkConfig, limits, setup, listener);
    }

    /** A runner like this one that tells {@code listener} each SELECT's rows as they arrive. */
    public SqlScriptRunner withQueryListener(QueryListener rowListener) {
        return new SqlScriptRunner(flinkConfig, queryLimits, setup, rowListener);
    }

    /**
     * A runner like this one that applies {@code setup} to each new TableEnvironment before the
     * script's first statement (e.g. registers the Hive catalog).
     */
    public SqlScriptRunner withSetup(TableEnvironmentSetup setup) {
        return new SqlScriptRunner(flinkConfig, queryLimits, setup, listener);
    }

    /**
     * Executes SET, RESET, USE, CREATE, DROP, ALTER, SHOW, EXPLAIN... in order and plans the job
     * and the queries without submitting anything.
     *
     * @param allowQueries whether SELECT is allowed (only a session can return rows to the client)
     * @throws SqlScriptException at the line of the first statement that fails, of a second job,
     *     or of a SELECT that is not allowed; exceptions of the setup hook propagate unchanged
     */
    public PreparedScript prepare(SqlScript script, boolean allowQueries) {
        return prepare(script, allowQueries, false, List.of());
    }

    /**
     * Prepares a debug run of the script: like {@link #prepare} in a session, but each INSERT's
     * query runs as a SELECT whose rows come back (per INSERT, bounded like any query), and no
     * sink is planned, opened or written. Nothing is recorded as the script's job.
     */
    public PreparedScript prepareDebugRun(SqlScript script) {
        return prepareDebugRun(script, List.of());
    }

    /**
     * Prepares a debug run whose named tables are read from samples instead: each stands in for
     * its table from the first statement at which the table exists.
     *
     * @throws SampleException when a sample's columns do not match its table's, or the script has
     *     or reads no such table
     */
    public PreparedScript prepareDebugRun(SqlScript script, List<SampleTable> samples) {
        return prepare(script, true, true, samples);
    }

    private PreparedScript prepare(SqlScript script, boolean allowQueries, boolean debug, List<SampleTable> samples) {
        TableEnvironmentFactory.ScriptEnvironment environment =
                TableEnvironmentFactory.create(flinkConfig, RuntimeModeSetting.of(script, flinkConfig));
        StreamTableEnvironment tableEnv = environment.tableEnv();
        setup.apply(tableEnv);
        ScriptPreparation preparation =
                new ScriptPreparation(tableEnv, allowQueries, environment.jobClassLoader(), debug, samples);
        script.statements().forEach(preparation::accept);
        return preparation.finish();
    }

    /**
     * Submits the script's job (if any) without waiting for it, and runs its queries, in script
     * order.
     *
     * @throws SqlScriptException at the line of the statement whose submission or query failed
     */
    public SqlRunResult submit(PreparedScript prepared) {
        prepared.markSubmitted();
        prepared.jobClassLoader().ifPresent(loader -> AddedJars.shareWith(loader, prepared.tableEnv()));
        TableEnvironmentInternal tableEnv = (TableEnvironmentInternal) prepared.tableEnv();
        boolean streaming =
                prepared.tableEnv().getConfig().get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.STREAMING;
        Optional<JobID> jobId = Optional.empty();
        List<QueryResult> queries = new ArrayList<>();
        for (Step step : prepared.steps()) {
            if (step instanceof Step.Output output) {
                queries.add(output.result());
            } else if (step instanceof Step.Query query) {
                queries.add(runQuery(tableEnv, query, streaming));
            } else if (step instanceof Step.Job job) {
                jobId = Optional.of(startJob(tableEnv, job));
            }
        }
        return new SqlRunResult(jobId, List.copyOf(queries));
    }

    private static JobID startJob(TableEnvironmentInternal tableEnv, Step.Job job) {
        try {
            TableResultInternal result = tableEnv.executeInternal(job.operations());
            return result.getJobClient()
                    .map(JobClient::getJobID)
                    .orElseThrow(() -> new IllegalStateException("Flink returned no job client for the INSERT"));
        } catch (RuntimeException e) {
            throw StatementErrors.at(job.statement(), e);
        }
    }

    private QueryResult runQuery(TableEnvironmentInternal tableEnv, Step.Query query, boolean streaming) {
        try {
            TableResultInternal result = tableEnv.executeInternal(query.operation());
            String sql = query.statement().sql();
            return QueryResults.read(sql, result, query.columnNames(), queryLimits, streaming, listener);
        } catch (Exception e) {
            throw StatementErrors.at(query.statement(), e);
        }
    }
}
