package dev.ferry.launcher.health;

import dev.ferry.launcher.health.JobHealth.TaskManager;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A TaskManager's JVM metrics ({@code /taskmanagers/<id>/metrics}). The garbage collectors' metric
 * names depend on the collector a JVM runs ({@code Status.JVM.GarbageCollector.G1_Young_Generation.Time}),
 * so they are picked from the TaskManager's list of metric ids.
 */
final class JvmMetrics {

    static final String HEAP_USED = "Status.JVM.Memory.Heap.Used";
    static final String HEAP_MAX = "Status.JVM.Memory.Heap.Max";
    private static final String GC_PREFIX = "Status.JVM.GarbageCollector.";

    private JvmMetrics() {}

    /** The ids to ask for, from the list of ids the TaskManager has. */
    static List<String> wanted(JsonNode available) {
        List<String> ids = new ArrayList<>(List.of(HEAP_USED, HEAP_MAX));
        available.forEach(metric -> {
            String id = metric.path("id").asText();
            if (id.startsWith(GC_PREFIX) && (id.endsWith(".Time") || id.endsWith(".Count"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    static TaskManager of(String id, JsonNode metrics) {
        Map<String, JsonNode> byId = JobHealthReader.byId(metrics);
        long gcTime = 0;
        long gcCount = 0;
        for (Map.Entry<String, JsonNode> metric : byId.entrySet()) {
            if (metric.getKey().startsWith(GC_PREFIX) && metric.getKey().endsWith(".Time")) {
                gcTime += value(metric.getValue());
            } else if (metric.getKey().startsWith(GC_PREFIX) && metric.getKey().endsWith(".Count")) {
                gcCount += value(metric.getValue());
            }
        }
        return new TaskManager(id, value(byId.get(HEAP_USED)), value(byId.get(HEAP_MAX)), gcTime, gcCount);
    }

    private static long value(JsonNode metric) {
        if (metric == null) {
            return 0;
        }
        try {
            return (long) Double.parseDouble(metric.path("value").asText("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
