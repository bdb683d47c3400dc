package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.jobs.StartedJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;

/** {@code ferry job restart JOB [--jar NEW_JAR]}: the upgrade path. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = "Stop a running job with a savepoint and start it from that savepoint, with the same"
                + " artifact or a new jar: upgrades keep the job's state.")
public final class JobRestartCommand extends JobStartingCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Option(names = "--jar", paramLabel = "JAR", description = "The new job jar (default: the one it runs)")
    private Path jar;

    @Option(
            names = {"-c", "--class"},
            paramLabel = "CLASS",
            description = "Main class of the new jar")
    private String entryClass;

    @Option(names = "--detached", description = "Return as soon as Flink accepted the new run")
    private boolean detached;

    @Override
    protected StartedJob start(LauncherServices services) {
        return services.jobResumer()
                .restart(
                        job,
                        Optional.ofNullable(jar).map(Path::toAbsolutePath),
                        Optional.ofNullable(entryClass),
                        detached);
    }
}
