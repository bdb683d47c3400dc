package dev.ferry.launcher.cli.app;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ClusterSizeOptions;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.JobRunOptions;
import dev.ferry.launcher.cli.job.JobPrinter;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.jobs.JarJobSpec;
import dev.ferry.launcher.jobs.StartedJob;
import dev.ferry.launcher.jobs.record.JobPlacement;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ferry app run JAR [--mode application|per-job] [-- ARGS...]}: one YARN application per job. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Deploy a cluster of its own for a jar job; returns when all its tasks are RUNNING"
                + " (or once YARN runs the cluster, with --detached). The cluster is named after the job"
                + " and ends with it.")
public final class AppRunCommand extends FerrySubcommand {

    /** The modes an operator may choose here; sessions are started with 'ferry session start'. */
    enum Mode {
        application(ClusterMode.APPLICATION),
        per_job(ClusterMode.PER_JOB);

        final ClusterMode mode;

        Mode(ClusterMode mode) {
            this.mode = mode;
        }
    }

    @Parameters(index = "0", paramLabel = "JAR", description = "The job jar")
    private Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the job's main method (after --)")
    private List<String> arguments = new ArrayList<>();

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            converter = ModeConverter.class,
            description = "application (default: main() runs on the JobManager) or per-job (deprecated in Flink:"
                    + " the JobGraph is built here)")
    private Mode mode = Mode.application;

    @Option(
            names = {"-c", "--class"},
            paramLabel = "CLASS",
            description = "Main class (default: the jar manifest's)")
    private String entryClass;

    @Mixin
    private ClusterSizeOptions size;

    @Mixin
    private JobRunOptions run;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        JobPlacement placement = size.ownCluster(mode.mode, context().flinkFlags());
        JarJobSpec job = new JarJobSpec(
                run.name(),
                jar.toAbsolutePath(),
                Optional.ofNullable(entryClass),
                arguments,
                run.parallelism(),
                placement,
                run.fromSavepoint(),
                run.detached());
        StartedJob started;
        try (LauncherServices services = context().services()) {
            started = services.jobStarter().startJar(job);
        }
        JobPrinter.printStarted(out(), started, output.json());
        return 0;
    }

    /** Accepts {@code per-job} as operators type it. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.valueOf(value.toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a mode: use application or per-job");
            }
        }
    }
}
