package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.session.SessionStopCommand.SessionEndPrinter;
import dev.ferry.launcher.cluster.StoppedCluster;

import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code ferry session kill NAME}: ends the YARN application at once, without savepoints. */
@Command(
        name = "kill",
        mixinStandardHelpOptions = true,
        description = "Kill a cluster's YARN application at once; running jobs get no savepoint.")
public final class SessionKillCommand extends OneClusterCommand<StoppedCluster> {

    @Override
    protected StoppedCluster ask(LauncherServices services, String name) {
        return services.sessionKiller().kill(name);
    }

    @Override
    protected void print(PrintWriter out, StoppedCluster killed, boolean json) {
        SessionEndPrinter.print(out, json, killed, "killed");
    }
}
