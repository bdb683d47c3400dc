package dev.ferry.launcher.cli.session;

import dev.ferry.launcher.cli.output.Durations;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.launcher.cluster.ClusterView;
import dev.ferry.launcher.cluster.ListedCluster;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How clusters look in tables and in the documented JSON schema (docs/cli.md). */
final class ClusterPrinter {

    private ClusterPrinter() {}

    /** The REGISTRY column comes last so that the columns scripts already cut stay where they were. */
    static void printListTable(PrintWriter out, List<ListedCluster> clusters) {
        Table table =
                new Table("NAME", "APPLICATION", "STATE", "QUEUE", "USER", "JOBS", "UPTIME", "WEB UI", "REGISTRY");
        for (ListedCluster listed : clusters) {
            ClusterView c = listed.view();
            table.row(
                    c.name(),
                    c.applicationId(),
                    c.state(),
                    c.queue(),
                    c.user(),
                    c.runningJobs() == null ? "?" : c.runningJobs(),
                    Durations.humanize(c.uptime()),
                    c.webUrl().isEmpty() ? "-" : c.webUrl(),
                    listed.registry() == null ? "-" : listed.registry().label());
        }
        table.print(out);
    }

    static void printListJson(PrintWriter out, List<ListedCluster> clusters) {
        Json.print(out, clusters.stream().map(ClusterPrinter::toJson).toList());
    }

    static Map<String, Object> toJson(ListedCluster listed) {
        Map<String, Object> json = toJson(listed.view());
        json.put(
                "registry", listed.registry() == null ? null : listed.registry().label());
        return json;
    }

    static Map<String, Object> toJson(ClusterView c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", c.name());
        json.put("applicationId", c.applicationId());
        json.put("state", c.state());
        json.put("finalStatus", c.finalStatus());
        json.put("queue", c.queue());
        json.put("user", c.user());
        json.put("mode", c.mode());
        json.put("ferryVersion", c.ferryVersion());
        json.put("webUrl", c.webUrl());
        json.put("startTime", c.startTime().toString());
        json.put("uptimeSeconds", c.uptime().toSeconds());
        json.put("runningJobs", c.runningJobs());
        json.put("attempt", c.attempt());
        return json;
    }
}
