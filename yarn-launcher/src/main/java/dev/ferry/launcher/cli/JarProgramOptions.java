package dev.ferry.launcher.cli;

import dev.ferry.launcher.jobs.JarJobSpec;
import dev.ferry.launcher.jobs.record.JobPlacement;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The jar, its main class and arguments: shared by the commands that start a new jar job. */
public final class JarProgramOptions {

    @Parameters(index = "0", paramLabel = "JAR", description = "The job jar")
    private Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the job's main method (after --)")
    private List<String> arguments = new ArrayList<>();

    @Option(
            names = {"-c", "--class"},
            paramLabel = "CLASS",
            description = "Main class (default: the jar manifest's)")
    private String entryClass;

    /** The job as asked for, to run at {@code placement}. */
    public JarJobSpec spec(JobRunOptions run, JobPlacement placement) {
        return new JarJobSpec(
                run.name(),
                jar.toAbsolutePath(),
                Optional.ofNullable(entryClass),
                arguments,
                run.parallelism(),
                placement,
                run.fromSavepoint(),
                run.detached());
    }
}
