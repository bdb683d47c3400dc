package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.JobRunOptions;
import dev.ferry.launcher.cli.output.OutputOptions;
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

/** {@code ferry job submit --session NAME JAR [-- ARGS...]}: runs a jar job in a session. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Submit a jar job into a running session; returns when all its tasks are RUNNING"
                + " (or at once with --detached). Ferry records the job under its name for resume and restart.")
public final class JobSubmitCommand extends FerrySubcommand {

    @Option(names = "--session", required = true, paramLabel = "NAME", description = "Session cluster to run in")
    private String session;

    @Parameters(index = "0", paramLabel = "JAR", description = "The job jar")
    private Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the job's main method (after --)")
    private List<String> arguments = new ArrayList<>();

    @Option(
            names = {"-c", "--class"},
            paramLabel = "CLASS",
            description = "Main class (default: the jar manifest's)")
    private String entryClass;

    @Mixin
    private JobRunOptions run;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        JarJobSpec job = new JarJobSpec(
                run.name(),
                jar.toAbsolutePath(),
                Optional.ofNullable(entryClass),
                arguments,
                run.parallelism(),
                JobPlacement.inSession(session),
                run.fromSavepoint(),
                run.detached());
        StartedJob started;
        try (LauncherServices services = context().services()) {
            started = services.jobStarter().startJar(job);
        }
        JobPrinter.printStarted(out(), started, output.json());
        return 0;
    }
}
