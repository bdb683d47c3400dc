package dev.ferry.launcher.cli.app;

import dev.ferry.launcher.cli.ClusterSizeOptions;
import dev.ferry.launcher.cli.job.NewJarJobCommand;
import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.jobs.record.JobPlacement;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry app run JAR [--mode application|per-job] [-- ARGS...]}: one YARN application per job. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Deploy a cluster of its own for a jar job; returns when all its tasks are RUNNING"
                + " (or once YARN runs the cluster, with --detached). The cluster is named after the job"
                + " and ends with it.")
public final class AppRunCommand extends NewJarJobCommand {

    /** The modes an operator may choose here; sessions are started with 'ferry session start'. */
    enum Mode {
        application(ClusterMode.APPLICATION),
        per_job(ClusterMode.PER_JOB);

        final ClusterMode mode;

        Mode(ClusterMode mode) {
            this.mode = mode;
        }
    }

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            converter = ModeConverter.class,
            description = "application (default: main() runs on the JobManager) or per-job (deprecated in Flink:"
                    + " the JobGraph is built here)")
    private Mode mode = Mode.application;

    @Mixin
    private ClusterSizeOptions size;

    @Override
    protected JobPlacement placement() {
        return size.ownCluster(mode.mode, context().flinkFlags());
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
