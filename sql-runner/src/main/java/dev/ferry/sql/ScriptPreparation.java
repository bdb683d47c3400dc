package dev.ferry.sql;

import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.api.internal.TableResultInternal;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.operations.BeginStatementSetOperation;
import org.apache.flink.table.operations.CompileAndExecutePlanOperation;
import org.apache.flink.table.operations.EndStatementSetOperation;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.operations.StatementSetOperation;
import org.apache.flink.table.operations.command.ExecutePlanOperation;
import org.apache.flink.table.operations.command.ResetOperation;
import org.apache.flink.table.operations.command.SetOperation;
import org.apache.flink.table.operations.ddl.AnalyzeTableOperation;
import org.apache.flink.table.operations.ddl.CreateCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.CreateTempSystemFunctionOperation;
import org.apache.flink.table.resource.ResourceUri;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.MutableURLClassLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Goes through a script's statements in order: runs what changes the session (SET, DDL, USE)
 * and what only reads it (SHOW, EXPLAIN), and keeps the job and the queries for submit(). Each
 * statement is parsed by the TableEnvironment's parser at its turn, so it sees the dialect,
 * catalogs and tables the statements before it set up.
 */
final class ScriptPreparation {

    private final StreamTableEnvironment tableEnv;
    private final TableEnvironmentInternal internal;
    private final boolean allowQueries;
    private final ScriptSettings settings;
    private final JobCollector jobs = new JobCollector();
    private final List<Step> steps = new ArrayList<>();
    private final Optional<MutableURLClassLoader> jobClassLoader;

    private final boolean debug;
    private final SampleSources samples;

    /**
     * @param debug a debug run: each INSERT's query runs as a SELECT whose rows come back, and no
     *     sink is planned or opened
     * @param samples the tables a debug run reads from samples instead
     */
    ScriptPreparation(
            StreamTableEnvironment tableEnv,
            boolean allowQueries,
            Optional<MutableURLClassLoader> jobClassLoader,
            boolean debug,
            List<SampleTable> samples) {
        this.jobClassLoader = jobClassLoader;
        this.debug = debug;
        this.samples = new SampleSources((TableEnvironmentInternal) tableEnv, samples);
        this.tableEnv = tableEnv;
        this.internal = (TableEnvironmentInternal) tableEnv;
        this.allowQueries = allowQueries;
        this.settings = new ScriptSettings(tableEnv.getConfig());
    }

    void accept(SqlStatement statement) {
        samples.beforeStatement();
        Optional<SetCommand> dialect =
                SetCommand.recognise(statement.sql()).filter(set -> set.sets(SetCommand.DIALECT));
        if (dialect.isPresent()) {
            // Applied here, not by the parser in force: the Hive dialect's parser takes only the bare
            // form (SET table.sql-dialect=default) and keeps the quoted one as a key with quotes in
            // it, so the script would stay in Hive while the splitter (DialectTracker) had switched.
            settings.set(SetCommand.DIALECT, dialect.get().lowerCaseValue());
            return;
        }
        try {
            for (Operation operation : internal.getParser().parse(statement.sql())) {
                accept(statement, operation);
            }
        } catch (SqlScriptException e) {
            throw e;
        } catch (Exception e) {
            throw StatementErrors.at(statement, e);
        }
    }

    /**
     * Checks the script's end and plans its job and its queries, so a bad INSERT or a query Flink
     * cannot run fails before anything runs.
     */
    PreparedScript finish() {
        jobs.checkClosed();
        List<Step> toRun = debug ? withoutSinks(steps) : steps;
        samples.checkRead(toRun);
        JobPlanner planner = new JobPlanner(internal);
        for (Step step : toRun) {
            if (step instanceof Step.Job job) {
                planner.plan(job);
            } else if (step instanceof Step.Query query) {
                planner.plan(query);
            }
        }
        Optional<String> jobName = tableEnv.getConfig().getOptional(PipelineOptions.NAME);
        return new PreparedScript(tableEnv, toRun, jobName, jobClassLoader);
    }

    /**
     * A debug run's steps: each INSERT of the job becomes the query that feeds it, so its rows come
     * back to the client instead of going to the sink, which is never planned, opened or written
     * (a Hive sink would make its staging directory when planned).
     */
    private static List<Step> withoutSinks(List<Step> steps) {
        List<Step> debugSteps = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Job job) {
                job.inserts()
                        .forEach(insert -> debugSteps.add(new Step.Query(
                                insert.statement(), insert.operation().getChild(), sinkColumns(insert))));
            } else {
                debugSteps.add(step);
            }
        }
        return debugSteps;
    }

    /** The sink's column names, when the INSERT writes all of them in order (no column list). */
    private static List<String> sinkColumns(Step.Insert insert) {
        if (insert.operation() instanceof SinkModifyOperation sink && sink.getTargetColumns() == null) {
            List<String> columns =
                    sink.getContextResolvedTable().getResolvedSchema().getColumnNames();
            int written = sink.getChild().getResolvedSchema().getColumnCount();
            return columns.size() == written ? columns : List.of();
        }
        return List.of();
    }

    private void accept(SqlStatement statement, Operation operation) throws Exception {
        if (jobs.inStatementSet() && !isStatementSetPart(operation)) {
            throw StatementErrors.at(
                    statement, "only INSERT statements may stand between" + " BEGIN STATEMENT SET and END");
        }
        if (operation instanceof BeginStatementSetOperation) {
            jobs.begin(statement);
        } else if (operation instanceof EndStatementSetOperation) {
            jobs.end(statement).ifPresent(steps::add);
        } else if (operation instanceof ModifyOperation modify) {
            acceptInsert(statement, modify);
        } else if (operation instanceof StatementSetOperation set) {
            steps.add(jobs.single(statement, set.getOperations()));
        } else if (operation instanceof QueryOperation query) {
            acceptQuery(statement, query);
        } else if (operation instanceof SetOperation set) {
            acceptSet(statement, set);
        } else if (operation instanceof ResetOperation reset) {
            reset.getKey().ifPresentOrElse(settings::reset, settings::resetAll);
        } else if (startsJobOfItsOwn(operation)) {
            throw StatementErrors.at(
                    statement,
                    "Ferry scripts do not support "
                            + operation.getClass().getSimpleName().replace("Operation", "") + " statements");
        } else {
            run(statement, operation);
        }
    }

    private static boolean isStatementSetPart(Operation operation) {
        return operation instanceof ModifyOperation || operation instanceof EndStatementSetOperation;
    }

    private void acceptInsert(SqlStatement statement, ModifyOperation insert) {
        if (jobs.inStatementSet()) {
            jobs.add(statement, insert);
        } else {
            steps.add(jobs.single(statement, List.of(insert)));
        }
    }

    private void acceptQuery(SqlStatement statement, QueryOperation query) {
        if (!allowQueries) {
            throw StatementErrors.at(
                    statement,
                    "SELECT queries need a session (their rows come back"
                            + " to the client); in application mode a script writes its results with INSERT");
        }
        steps.add(new Step.Query(statement, query));
    }

    private void acceptSet(SqlStatement statement, SetOperation set) {
        if (set.getKey().isPresent() && set.getValue().isPresent()) {
            settings.set(set.getKey().get(), set.getValue().get());
        } else {
            steps.add(new Step.Output(settings.list(statement.sql())));
        }
    }

    /**
     * Flink words a CREATE FUNCTION whose class is in none of its jars as "implementation errors.:
     * com.acme.Nope"; this names the class and the jars to look in.
     */
    private static Optional<SqlScriptException> missingFunctionClass(
            SqlStatement statement, Operation operation, RuntimeException error) {
        CatalogFunction function = operation instanceof CreateTempSystemFunctionOperation system
                ? system.getCatalogFunction()
                : operation instanceof CreateCatalogFunctionOperation catalog ? catalog.getCatalogFunction() : null;
        if (function == null
                || ExceptionUtils.findThrowable(error, ClassNotFoundException.class)
                        .isEmpty()) {
            return Optional.empty();
        }
        String jars = function.getFunctionResources().stream()
                .map(ResourceUri::getUri)
                .collect(Collectors.joining(", "));
        return Optional.of(StatementErrors.at(
                statement,
                "class " + function.getClassName() + " is not in "
                        + (jars.isEmpty() ? "the jars added so far (ADD JAR, --jar)" : "jar " + jars)
                        + ": check the class name, package included, and the jar"));
    }

    /** Statements that would submit a job of their own, beside the script's one job. */
    private static boolean startsJobOfItsOwn(Operation operation) {
        return operation instanceof ExecutePlanOperation
                || operation instanceof CompileAndExecutePlanOperation
                || operation instanceof AnalyzeTableOperation;
    }

    private void run(SqlStatement statement, Operation operation) throws Exception {
        TableResultInternal result;
        try {
            result = internal.executeInternal(operation);
        } catch (RuntimeException e) {
            throw missingFunctionClass(statement, operation, e).orElseThrow(() -> e);
        }
        if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
            steps.add(new Step.Output(QueryResults.read(statement.sql(), result, QueryLimits.DEFAULT)));
        }
    }
}
