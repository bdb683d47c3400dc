package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.jobs.StartedJob;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code ferry job resume JOB --from-savepoint PATH | --from-latest}. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Start a recorded job again where it ran before (its session, or a new job cluster),"
                + " from a savepoint or from its latest savepoint or completed checkpoint.")
public final class JobResumeCommand extends JobStartingCommand {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private RestoreFrom from;

    static final class RestoreFrom {
        @Option(names = "--from-savepoint", paramLabel = "PATH", description = "A savepoint or checkpoint directory")
        String savepoint;

        @Option(names = "--from-latest", description = "The newest savepoint or completed checkpoint of the job")
        boolean latest;
    }

    @Option(names = "--detached", description = "Return as soon as Flink accepted the job")
    private boolean detached;

    @Override
    protected StartedJob start(LauncherServices services) {
        return services.jobResumer().resume(job, Optional.ofNullable(from.savepoint), detached);
    }
}
