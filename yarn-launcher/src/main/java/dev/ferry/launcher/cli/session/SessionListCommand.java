package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.cluster.ListedCluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/**
 * {@code ferry session list}: every Ferry cluster, read live from YARN and the JobManagers, and with
 * ZooKeeper HA whether the registry agrees (stale and missing entries).
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List Ferry clusters with their YARN state, queue, user, web UI, uptime and running jobs.")
public final class SessionListCommand extends FerrySubcommand {

    @Option(names = "--queue", paramLabel = "QUEUE", description = "Only clusters in this queue")
    private String queue;

    @Option(names = "--all", description = "Include clusters that have ended (as long as YARN remembers them)")
    private boolean all;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        List<ListedCluster> clusters;
        try (LauncherServices services = context().services()) {
            clusters = services.clusterLister().list(Optional.ofNullable(queue), all);
        }
        if (output.json()) {
            ClusterPrinter.printListJson(out(), clusters);
        } else if (clusters.isEmpty()) {
            out().println(all ? "No Ferry clusters." : "No running Ferry clusters (--all shows ended ones).");
            out().flush();
        } else {
            ClusterPrinter.printListTable(out(), clusters);
        }
        return 0;
    }
}
