package dev.ferry.launcher.cli.sql;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ClusterSizeOptions;
import dev.ferry.launcher.cli.DurationConverter;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.JobRunOptions;
import dev.ferry.launcher.cli.PositiveOption;
import dev.ferry.launcher.cli.job.JobPrinter;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.jobs.SqlJobSpec;
import dev.ferry.launcher.jobs.SqlOutcome;
import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.sql.QueryLimits;
import dev.ferry.sql.QueryResult;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ferry sql -f FILE | -e STATEMENTS (--session NAME | --application)}. */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Run a SQL script (SET, DDL, one INSERT or statement set, queries) in a session or as an"
                    + " application cluster of its own.",
            "The script is checked first (syntax with line and column, tables, at most one job): a bad"
                    + " script submits nothing. A script that starts a job is recorded under its name, like a"
                    + " jar job, for stop, resume and restart."
        })
public final class SqlCommand extends FerrySubcommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(
                names = {"-f", "--file"},
                paramLabel = "FILE",
                description = "The script file")
        Path file;

        @Option(
                names = {"-e", "--execute"},
                paramLabel = "STATEMENTS",
                description = "The script itself")
        String statements;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--session", paramLabel = "NAME", description = "Run in this session; queries print rows")
        String session;

        @Option(names = "--application", description = "Run as an application cluster named after the job")
        boolean application;
    }

    @Option(
            names = "--jar",
            paramLabel = "JAR",
            description = "A jar the script's functions or connectors come from (repeatable): a local file, stored"
                    + " with the job by content, or a cluster path (hdfs://...); added before the first statement,"
                    + " as ADD JAR would, in every run of the job")
    private List<String> jars = new ArrayList<>();

    @Option(
            names = "--max-rows",
            paramLabel = "N",
            description = "Stop each SELECT after N rows and cancel its job (default: 1000)")
    private int maxRows = QueryLimits.DEFAULT.maxRows();

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop each SELECT after this long and cancel its job, e.g. 30s or 2min (default: 5min)")
    private Duration timeout;

    @Option(
            names = "--debug",
            description = "Debug run (with --session): each INSERT's rows are printed instead of written; no sink"
                    + " is opened, nothing is recorded, every query stops at --max-rows or --timeout")
    private boolean debug;

    @Option(
            names = "--source",
            paramLabel = "TABLE=SAMPLE",
            description = "With --debug: read sample SAMPLE ('ferry sample list') wherever the script reads TABLE"
                    + " (repeatable); the script is not edited, the table is never opened")
    private Map<String, String> sources = new LinkedHashMap<>();

    @Mixin
    private ClusterSizeOptions size;

    @Mixin
    private JobRunOptions run;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        SqlJobSpec job = new SqlJobSpec(
                script(),
                scriptName(),
                run.name(),
                run.parallelism(),
                placement(),
                run.fromSavepoint(),
                run.detached(),
                jars,
                queryLimits(),
                debug,
                sources);
        SqlOutcome outcome;
        try (LauncherServices services = context().services()) {
            outcome = services.jobStarter()
                    .startSql(job, output.json() ? new JsonRowPrinter(out()) : new RowPrinter(out()));
        }
        print(outcome);
        return 0;
    }

    private QueryLimits queryLimits() {
        PositiveOption.of(spec.commandLine(), "--max-rows", maxRows);
        return new QueryLimits(maxRows, timeout == null ? QueryLimits.DEFAULT.maxWait() : timeout);
    }

    private JobPlacement placement() {
        if (!sources.isEmpty() && !debug) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--source needs --debug: only a debug run reads samples; a real run reads its tables");
        }
        if (debug && target.session == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--debug needs --session NAME: a debug run's rows come back to this client from a session");
        }
        if (target.session != null) {
            if (size.given()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--queue, --jm-memory, --tm-memory and --slots size a cluster of its own: use them with"
                                + " --application, or size the session when you start it");
            }
            return JobPlacement.inSession(target.session);
        }
        return size.ownCluster(ClusterMode.APPLICATION, context().flinkFlags());
    }

    private String script() {
        if (source.statements != null) {
            return source.statements;
        }
        try {
            return Files.readString(source.file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "SQL file " + source.file + " does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ParameterException(
                    spec.commandLine(), "SQL file " + source.file + " is not UTF-8 text: give a SQL script");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + source.file + ": " + e.getMessage());
        }
    }

    private String scriptName() {
        return source.file != null ? source.file.getFileName().toString() : "statements.sql";
    }

    private void print(SqlOutcome outcome) {
        if (output.json()) {
            // The last of the JSON lines: the rows came one per line as they arrived.
            Json.printLine(out(), toJson(outcome));
            return;
        }
        // The rows were printed as they arrived (RowPrinter); what is left is how each query ended.
        for (QueryResult query : outcome.queries()) {
            out().println(query.rows().size() + " row(s)"
                    + (query.truncated()
                            ? ", stopped before its end (--max-rows, --timeout or Ctrl-C); its job was cancelled"
                            : ""));
        }
        outcome.job()
                .ifPresentOrElse(
                        started -> JobPrinter.printStartedText(out(), started),
                        () -> out().println(
                                        outcome.queries().isEmpty()
                                                ? "Done: the script started no job."
                                                : "Done: its queries ran as short jobs of their own and ended; the script started no"
                                                        + " job to keep running."));
        out().flush();
    }

    /** {@code sql -o json}: the job the script started, if any, and its queries' rows. */
    public static Map<String, Object> toJson(SqlOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", outcome.job().map(JobPrinter::startedJson).orElse(null));
        json.put(
                "queries", outcome.queries().stream().map(SqlCommand::queryJson).toList());
        return json;
    }

    private static Map<String, Object> queryJson(QueryResult query) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sql", query.sql());
        json.put("columns", query.columns());
        json.put("rows", query.rows());
        json.put("truncated", query.truncated());
        return json;
    }
}
