package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.jobs.record.JobPlacement;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry job submit --session NAME JAR [-- ARGS...]}: runs a jar job in a session. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Submit a jar job into a running session; returns when all its tasks are RUNNING"
                + " (or at once with --detached). Ferry records the job under its name for resume and restart.")
public final class JobSubmitCommand extends NewJarJobCommand {

    @Option(names = "--session", required = true, paramLabel = "NAME", description = "Session cluster to run in")
    private String session;

    @Override
    protected JobPlacement placement() {
        return JobPlacement.inSession(session);
    }
}
