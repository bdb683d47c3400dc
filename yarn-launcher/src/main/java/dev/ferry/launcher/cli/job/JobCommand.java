package dev.ferry.launcher.cli.job;

import picocli.CommandLine.Command;

/** {@code ferry job}: the lifecycle of jobs, in sessions and in their own clusters. */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        description = "Submit, list, stop, resume and upgrade jobs. JOB is a job name or a Flink job id.",
        subcommands = {
            JobSubmitCommand.class,
            JobListCommand.class,
            JobStatusCommand.class,
            JobCancelCommand.class,
            JobSavepointCommand.class,
            JobStopCommand.class,
            JobResumeCommand.class,
            JobRestartCommand.class,
            JobScaleCommand.class
        })
public final class JobCommand {}
