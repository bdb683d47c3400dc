package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.ServiceCommand;

import picocli.CommandLine.Parameters;

/**
 * Base of the commands about one named cluster: {@code ferry session status|stop|kill NAME}.
 *
 * @param <T> what the service answers
 */
abstract class OneClusterCommand<T> extends ServiceCommand<T> {

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name")
    private String name;

    @Override
    protected final T ask(LauncherServices services) {
        return ask(services, name);
    }

    protected abstract T ask(LauncherServices services, String name);
}
