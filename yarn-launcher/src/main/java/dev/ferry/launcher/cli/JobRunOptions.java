package dev.ferry.launcher.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Optional;

/** How a job run is named, sized and started: shared by the commands that start jobs. */
public final class JobRunOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(
            names = "--name",
            paramLabel = "JOB",
            description = "Job name, the key of its record (default: the main class's or script's name)")
    private String name;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "P",
            description = "Default parallelism of the job")
    private Integer parallelism;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Start from this savepoint or checkpoint")
    private String fromSavepoint;

    @Option(names = "--detached", description = "Return as soon as Flink accepted the job")
    private boolean detached;

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The parallelism; a value below 1 is a usage error of the command. */
    public Optional<Integer> parallelism() {
        return PositiveOption.of(command.commandLine(), "--parallelism", parallelism);
    }

    public Optional<String> fromSavepoint() {
        return Optional.ofNullable(fromSavepoint);
    }

    public boolean detached() {
        return detached;
    }
}
