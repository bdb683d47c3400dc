package dev.ferry.launcher.cli.sample;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.DurationConverter;
import dev.ferry.launcher.cli.PositiveOption;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.samples.Sample;
import dev.ferry.launcher.samples.SampleMaker.FileColumns;
import dev.ferry.sql.SampleWriter;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code ferry sample create NAME (--from TABLE | --query SQL) --session S | --file F (--like T | --schema C)}. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Take a sample: the first rows of a table or a query, by a short batch job in a session, or the rows of a"
                    + " local CSV file (its first line names the columns) or JSON-lines file.",
            "A sample keeps its columns; a debug run checks them against the table it stands for."
        })
public final class SampleCreateCommand extends ServiceCommand<Sample> {

    /** The largest sample: debug runs read it whole, 'sample show' reads it from the start. */
    static final int MAX_ROWS = 100_000;

    @Parameters(index = "0", paramLabel = "NAME", description = "The sample's name")
    private String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--from", paramLabel = "TABLE", description = "A table: DB.TABLE, or CATALOG.DB.TABLE")
        String table;

        @Option(names = "--query", paramLabel = "SQL", description = "A query, e.g. SELECT * FROM db.t WHERE ...")
        String query;

        @Option(names = "--file", paramLabel = "FILE", description = "A local .csv or .json (one object per line) file")
        Path file;
    }

    @Option(names = "--session", paramLabel = "NAME", description = "The session that runs the job of --from/--query")
    private String session;

    @Option(names = "--rows", paramLabel = "N", description = "At most this many rows (default: 100, at most 100000)")
    private int rows = 100;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Cancel the job and fail after this long (default: 2min)")
    private Duration timeout = Duration.ofMinutes(2);

    @Option(names = "--like", paramLabel = "TABLE", description = "With --file: the columns of this table")
    private String likeTable;

    @Option(
            names = "--schema",
            paramLabel = "COLUMNS",
            description = "With --file: the columns, as CREATE TABLE lists them: 'id BIGINT, item STRING'")
    private String schema;

    @Option(names = "--replace", description = "Take the sample again when one of this name exists")
    private boolean replace;

    @Override
    protected void checkOptions() {
        if (source.file != null) {
            if ((likeTable == null) == (schema == null)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--file needs the sample's columns: give --like TABLE or --schema 'id BIGINT, ...', one of"
                                + " them");
            }
            if (session != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--session takes samples of tables and queries: a --file sample needs none");
            }
            return;
        }
        if (likeTable != null || schema != null) {
            throw new ParameterException(
                    spec.commandLine(), "--like and --schema give a --file's columns: a table or query has its own");
        }
        PositiveOption.of(spec.commandLine(), "--rows", rows);
        if (rows > MAX_ROWS) {
            throw new ParameterException(
                    spec.commandLine(), "--rows must be at most " + MAX_ROWS + ", got " + rows + ": a sample is small");
        }
        if (session == null) {
            throw new ParameterException(
                    spec.commandLine(), "--from and --query need --session NAME: a session's job takes the sample");
        }
    }

    @Override
    protected Sample ask(LauncherServices services) {
        if (source.file != null) {
            FileColumns columns = new FileColumns(Optional.ofNullable(likeTable), Optional.ofNullable(schema));
            return services.sampleMaker().fromFile(name, source.file.toAbsolutePath(), columns, replace);
        }
        SampleWriter.Source taken = source.table != null
                ? SampleWriter.Source.table(source.table)
                : SampleWriter.Source.query(source.query);
        return services.sampleMaker().take(name, session, taken, rows, timeout, replace);
    }

    @Override
    protected void print(PrintWriter out, Sample sample, boolean json) {
        SamplePrinter.printOne(out, sample, List.of(), json);
    }
}
