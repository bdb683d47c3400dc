package dev.ferry.launcher.cli.queue;

import dev.ferry.launcher.LauncherServices;
import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.OutputOptions;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.yarn.QueueView;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ferry queue list}: capacity, usage and applications of every YARN queue. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List YARN queues with capacity, max capacity, used and pending resources and applications.")
public final class QueueListCommand extends FerrySubcommand {

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        List<QueueView> queues;
        try (LauncherServices services = context().services()) {
            queues = services.queues().listQueues();
        }
        if (output.json()) {
            Json.print(out(), listJson(queues));
            return 0;
        }
        Table table = new Table(
                "QUEUE",
                "LEAF",
                "STATE",
                "CAPACITY",
                "MAX",
                "USED",
                "ALLOCATED MB",
                "AVAILABLE MB",
                "PENDING MB",
                "APPS",
                "PENDING APPS");
        for (QueueView q : queues) {
            table.row(
                    q.path(),
                    q.leaf() ? "yes" : "no",
                    q.state(),
                    percent(q.capacityPercent()),
                    percent(q.maxCapacityPercent()),
                    percent(q.usedPercent()),
                    q.allocatedMemoryMb(),
                    q.availableMemoryMb(),
                    q.pendingMemoryMb(),
                    q.runningApplications(),
                    q.pendingApplications());
        }
        table.print(out());
        return 0;
    }

    private static String percent(float value) {
        return String.format("%.1f%%", value);
    }

    /** {@code queue list -o json}. */
    public static List<Map<String, Object>> listJson(List<QueueView> queues) {
        return queues.stream().map(QueueListCommand::toJson).toList();
    }

    private static Map<String, Object> toJson(QueueView q) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", q.name());
        json.put("path", q.path());
        json.put("leaf", q.leaf());
        json.put("state", q.state());
        json.put("acceptsSubmissions", q.acceptsSubmissions());
        json.put("capacityPercent", q.capacityPercent());
        json.put("maxCapacityPercent", q.maxCapacityPercent());
        json.put("usedPercent", q.usedPercent());
        json.put("allocatedMemoryMb", q.allocatedMemoryMb());
        json.put("availableMemoryMb", q.availableMemoryMb());
        json.put("pendingMemoryMb", q.pendingMemoryMb());
        json.put("runningApplications", q.runningApplications());
        json.put("pendingApplications", q.pendingApplications());
        return json;
    }
}
