package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Durations;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.jobs.JarJobRequest;
import dev.ferry.launcher.jobs.SubmittedJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ferry job submit --session NAME JAR [-- ARGS...]}: runs a jar job in a session. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Submit a jar job into a running session; returns when all its tasks are RUNNING"
                + " (or at once with --detached).")
public final class JobSubmitCommand extends FerrySubcommand {

    @Option(names = "--session", required = true, paramLabel = "NAME", description = "Session cluster to run in")
    private String session;

    @Parameters(index = "0", paramLabel = "JAR", description = "The job jar")
    private Path jar;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the job's main method (after --)")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-c", "--class"}, paramLabel = "CLASS", description = "Main class (default: the jar manifest's)")
    private String entryClass;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "P", description = "Default parallelism of the job")
    private Integer parallelism;

    @Option(names = "--name", paramLabel = "JOB", description = "Job name (default: the job's own)")
    private String jobName;

    @Option(names = "--detached", description = "Return as soon as the session accepted the job")
    private boolean detached;


    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        if (parallelism != null && parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, got " + parallelism);
        }
        JarJobRequest request = new JarJobRequest(
                session, jar.toAbsolutePath(), Optional.ofNullable(entryClass), Optional.ofNullable(parallelism),
                Optional.ofNullable(jobName), arguments, detached);
        SubmittedJob job;
        try (LauncherServices services = context().services()) {
            job = services.jobSubmitter().submit(request);
        }
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("jobId", job.jobId());
            json.put("name", job.jobName());
            json.put("session", job.session());
            json.put("applicationId", job.applicationId());
            json.put("state", job.state());
            json.put("seconds", job.elapsed().toMillis() / 1000.0);
            Json.print(out(), json);
        } else {
            out().println("Job " + job.jobId() + " (" + job.jobName() + ") is " + job.state() + " in session '"
                    + job.session() + "' after " + Durations.seconds(job.elapsed()) + ".");
            out().flush();
        }
        return 0;
    }
}
