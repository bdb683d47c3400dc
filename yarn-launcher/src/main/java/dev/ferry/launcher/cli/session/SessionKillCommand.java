package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.cluster.StoppedCluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry session kill NAME}: ends the YARN application at once, without savepoints. */
@Command(
        name = "kill",
        mixinStandardHelpOptions = true,
        description = "Kill a cluster's YARN application at once; running jobs get no savepoint.")
public final class SessionKillCommand extends FerrySubcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name")
    private String name;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        StoppedCluster killed;
        try (LauncherServices services = context().services()) {
            killed = services.sessionKiller().kill(name);
        }
        SessionStopCommand.SessionEndPrinter.print(out(), output, killed, "killed");
        return 0;
    }
}
