package dev.ferry.launcher.cli.ha;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.ha.HaStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ferry ha status}: the quorum and the clusters with HA data, live or left behind. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the ZooKeeper quorum and every cluster with HA data, and whether YARN still runs it.")
public final class HaStatusCommand extends FerrySubcommand {

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        HaStatus status;
        try (LauncherServices services = context().services()) {
            status = services.haStatus().read();
        }
        if (output.json()) {
            Json.print(out(), toJson(status));
            return 0;
        }
        out().println("ZooKeeper " + status.quorum() + ": connected; Flink HA root " + status.flinkRoot() + ", storage "
                + status.storageDir());
        Table table = new Table("CLUSTER ID", "YARN", "ZNODES", "STORAGE BYTES");
        status.clusters()
                .forEach(c -> table.row(
                        c.clusterId(),
                        c.live() ? "running" : "gone (see 'ferry ha gc')",
                        c.hasZnodes() ? "yes" : "no",
                        c.storageBytes()));
        table.print(out());
        return 0;
    }

    /** {@code ha status -o json}; only printed once ZooKeeper answered, hence {@code connected} is always true. */
    public static Map<String, Object> toJson(HaStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("quorum", status.quorum());
        json.put("connected", true);
        json.put("flinkRoot", status.flinkRoot());
        json.put("storageDir", status.storageDir());
        json.put(
                "clusters",
                status.clusters().stream().map(HaStatusCommand::clusterJson).toList());
        return json;
    }

    private static Map<String, Object> clusterJson(HaStatus.HaCluster cluster) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clusterId", cluster.clusterId());
        json.put("live", cluster.live());
        json.put("znodes", cluster.hasZnodes());
        json.put("storageBytes", cluster.storageBytes());
        return json;
    }
}
