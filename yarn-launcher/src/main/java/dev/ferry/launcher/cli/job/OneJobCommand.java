package dev.ferry.launcher.cli.job;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;

import picocli.CommandLine.Parameters;

/**
 * Base of the commands about one job: {@code ferry job status|cancel|savepoint|stop JOB}, {@code
 * ferry metrics JOB}, {@code ferry diagnose JOB}.
 *
 * @param <T> what the service answers
 */
public abstract class OneJobCommand<T> extends ServiceCommand<T> {

    @Parameters(index = "0", paramLabel = "JOB", description = "Job name or id")
    private String job;

    @Override
    protected final T ask(LauncherServices services) {
        return ask(services, job);
    }

    protected abstract T ask(LauncherServices services, String job);
}
