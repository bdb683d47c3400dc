package dev.ferry.launcher.cli.logs;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.DurationConverter;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.logs.LogReader.LogSink;
import dev.ferry.launcher.logs.LogRequest;
import dev.ferry.launcher.logs.LogRequest.FileKind;
import dev.ferry.launcher.logs.LoggedContainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code ferry logs CLUSTER|JOB}: the JobManager's and TaskManagers' logs, running or ended. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Print the logs of a cluster, or of the cluster a job runs (or last ran) in: the JobManager's by default.",
            "While the cluster runs they come from the NodeManagers; once it ended, from YARN's aggregated logs"
                    + " (also a JobManager attempt that died: --attempt N)."
        })
public final class LogsCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "CLUSTER|JOB", description = "A cluster name, or a job name or id")
    private String target;

    @Option(names = "--jobmanager", description = "The JobManager's log (the default)")
    private boolean jobManager;

    @Option(
            names = "--attempt",
            paramLabel = "N",
            description = "The JobManager of YARN attempt N (default: the newest)")
    private Integer attempt;

    @Option(
            names = "--taskmanager",
            paramLabel = "ID",
            description = "A TaskManager's log: its container id, or its last digits")
    private String taskManager;

    @Option(names = "--all", description = "Every container's log: JobManagers and TaskManagers")
    private boolean all;

    @Option(
            names = "--file",
            paramLabel = "KIND",
            description = "log (Flink's log, default), out (stdout), err (stderr) or gc, where written")
    private String file = "log";

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until Ctrl-C or the cluster ends")
    private boolean follow;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines")
    private Integer tail;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Only lines of the last DURATION, e.g. 10m, 1h, 30s")
    private Duration since;

    @Option(names = "--grep", paramLabel = "REGEX", description = "Only lines that match REGEX")
    private String grep;

    @Override
    public Integer call() {
        LogRequest request = request();
        try (LauncherServices services = context().services()) {
            services.logReader().read(request, printer(out()));
        }
        return 0;
    }

    private LogRequest request() {
        int selectors = (jobManager || attempt != null ? 1 : 0) + (taskManager != null ? 1 : 0) + (all ? 1 : 0);
        if (selectors > 1) {
            throw usage("--jobmanager/--attempt, --taskmanager and --all pick different containers: give one of them");
        }
        if (tail != null && tail < 1) {
            throw usage("--tail must be at least 1, got " + tail);
        }
        return new LogRequest(
                target,
                Optional.ofNullable(taskManager),
                attempt == null ? OptionalInt.empty() : OptionalInt.of(attempt),
                all,
                fileKind(),
                tail == null ? OptionalInt.empty() : OptionalInt.of(tail),
                Optional.ofNullable(since),
                Optional.ofNullable(grep).map(this::pattern),
                follow);
    }

    private FileKind fileKind() {
        try {
            return FileKind.valueOf(file.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--file " + file + " is not a kind of log file: give log, out, err or gc");
        }
    }

    private Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw usage("--grep " + regex + " is not a regular expression: " + e.getDescription());
        }
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Prints lines; a header like tail's ("==> container (role) file <==") when several files are shown. */
    private static LogSink printer(PrintWriter out) {
        return new LogSink() {
            @Override
            public void file(LoggedContainer container, String file, boolean oneOfSeveral) {
                if (oneOfSeveral) {
                    out.println("==> " + container.id() + " (" + container.role() + ", attempt " + container.attempt()
                            + ") " + file + " <==");
                }
            }

            @Override
            public void lines(List<String> lines) {
                lines.forEach(out::println);
                out.flush();
            }
        };
    }
}
