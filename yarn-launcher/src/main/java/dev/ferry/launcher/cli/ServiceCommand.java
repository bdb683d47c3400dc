package dev.ferry.launcher.cli;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.output.OutputOptions;

import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

/**
 * Base of the commands that make one call to a service and print its answer as a table or JSON:
 * the services are opened for that call only and closed before anything is printed.
 *
 * @param <T> what the service answers
 */
public abstract class ServiceCommand<T> extends FerrySubcommand {

    @Mixin
    private OutputOptions output;

    @Override
    public final Integer call() {
        checkOptions();
        T answer;
        try (LauncherServices services = context().services()) {
            answer = ask(services);
        }
        print(out(), answer, output.json());
        return 0;
    }

    /** Refuses options that do not go together, before any service is opened; none by default. */
    protected void checkOptions() {}

    /** Asks the service in charge; its errors are the command's. */
    protected abstract T ask(LauncherServices services);

    protected abstract void print(PrintWriter out, T answer, boolean json);
}
