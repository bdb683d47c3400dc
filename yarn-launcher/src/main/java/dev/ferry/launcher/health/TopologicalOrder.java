package dev.ferry.launcher.health;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vertices of a job's REST details ({@code /jobs/<id>}: {@code vertices}, and {@code plan.nodes}
 * with each node's {@code inputs}) sources first, every vertex after those it reads from.
 */
final class TopologicalOrder {

    private TopologicalOrder() {}

    static List<JsonNode> of(JsonNode details) {
        Map<String, JsonNode> vertices = new LinkedHashMap<>();
        details.path("vertices")
                .forEach(vertex -> vertices.put(vertex.path("id").asText(), vertex));
        List<JsonNode> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < vertices.size()) {
            int before = placed.size();
            for (JsonNode vertex : vertices.values()) {
                String id = vertex.path("id").asText();
                if (!placed.contains(id) && placed.containsAll(knownInputs(details, vertex, vertices))) {
                    placed.add(id);
                    ordered.add(vertex);
                }
            }
            if (placed.size() == before) {
                // A cycle (iterations) or an unknown input: keep the rest in the JobManager's order.
                vertices.values().stream()
                        .filter(v -> !placed.contains(v.path("id").asText()))
                        .forEach(ordered::add);
                break;
            }
        }
        return ordered;
    }

    /** Ids of the vertices {@code vertex} reads from, per the job's plan. */
    static List<String> inputs(JsonNode details, JsonNode vertex) {
        String id = vertex.path("id").asText();
        List<String> inputs = new ArrayList<>();
        details.path("plan").path("nodes").forEach(node -> {
            if (id.equals(node.path("id").asText())) {
                node.path("inputs").forEach(input -> inputs.add(input.path("id").asText()));
            }
        });
        return inputs;
    }

    private static List<String> knownInputs(JsonNode details, JsonNode vertex, Map<String, JsonNode> vertices) {
        return inputs(details, vertex).stream().filter(vertices::containsKey).toList();
    }
}
