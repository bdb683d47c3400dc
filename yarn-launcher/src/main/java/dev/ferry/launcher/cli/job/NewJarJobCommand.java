package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.JarProgramOptions;
import dev.ferry.launcher.cli.JobRunOptions;
import dev.ferry.launcher.jobs.StartedJob;
import dev.ferry.launcher.jobs.record.JobPlacement;

import picocli.CommandLine.Mixin;

/** Base of the commands that start a new jar job: into a session, or in a cluster of its own. */
public abstract class NewJarJobCommand extends JobStartingCommand {

    @Mixin
    private JarProgramOptions program;

    @Mixin
    private JobRunOptions run;

    @Override
    protected final StartedJob start(LauncherServices services) {
        return services.jobStarter().startJar(program.spec(run, placement()));
    }

    /** Where the job runs, as the command's own options say. */
    protected abstract JobPlacement placement();
}
