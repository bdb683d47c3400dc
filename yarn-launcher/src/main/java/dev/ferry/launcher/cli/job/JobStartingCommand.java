package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;
import dev.ferry.launcher.jobs.StartedJob;

import java.io.PrintWriter;

/**
 * Base of the commands that start a run of a jar job and print it: {@code ferry job
 * submit|resume|restart} and {@code ferry app run}.
 */
public abstract class JobStartingCommand extends ServiceCommand<StartedJob> {

    @Override
    protected final StartedJob ask(LauncherServices services) {
        return start(services);
    }

    @Override
    protected final void print(PrintWriter out, StartedJob started, boolean json) {
        JobPrinter.printStarted(out, started, json);
    }

    /** Starts the run through the service in charge; returns once it runs (or was accepted, detached). */
    protected abstract StartedJob start(LauncherServices services);
}
