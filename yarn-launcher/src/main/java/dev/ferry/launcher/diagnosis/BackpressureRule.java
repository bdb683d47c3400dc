package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.health.JobHealth;
import dev.ferry.launcher.health.JobHealth.Vertex;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Backpressure, and where it comes from: a backpressured vertex waits for the ones it sends to;
 * the bottleneck is the first busy vertex downstream of the backpressured ones that is not
 * backpressured itself (Flink's own way of reading its web UI's backpressure view).
 */
final class BackpressureRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(JobEvidence evidence) {
        JobHealth health = evidence.health();
        double backPressured = evidence.thresholds().backPressuredMsPerSecond();
        List<Vertex> waiting = health.vertices().stream()
                .filter(v -> v.backPressuredMax() >= backPressured)
                .toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        Vertex bottleneck = bottleneck(health, waiting, evidence.thresholds()).orElse(null);
        if (bottleneck == null) {
            return List.of(new Finding(
                    Severity.WARNING,
                    "Backpressure in " + names(waiting) + ", with no saturated vertex downstream",
                    describe(waiting.get(0)),
                    "the output of the job (a sink or an external system it calls) is slow to take records:"
                            + " check the sink's target, or raise the sink's parallelism",
                    Optional.of(waiting.get(0).name())));
        }
        return List.of(new Finding(
                Severity.CRITICAL,
                "Backpressure: '" + bottleneck.name() + "' is the bottleneck",
                names(waiting) + " backpressured (" + describe(waiting.get(0)) + "); '" + bottleneck.name() + "' busy "
                        + ms(bottleneck.busyMax()) + " ms/s at parallelism " + bottleneck.parallelism(),
                "give '" + bottleneck.name() + "' more parallelism (resume it with -p "
                        + bottleneck.parallelism() * 2 + ", or set that operator's parallelism), or make it faster"
                        + (bottleneck.recordsOutPerSecond() == 0 ? " (a slow sink: batch its writes)" : ""),
                Optional.of(bottleneck.name())));
    }

    /** The first busy vertex downstream of the waiting ones that does not wait itself, in graph order. */
    private static Optional<Vertex> bottleneck(JobHealth health, List<Vertex> waiting, DiagnosisThresholds limits) {
        Set<String> downstream = new HashSet<>();
        Deque<Vertex> todo = new ArrayDeque<>(waiting);
        while (!todo.isEmpty()) {
            for (Vertex next : health.downstreamOf(todo.pop())) {
                if (downstream.add(next.id())) {
                    todo.add(next);
                }
            }
        }
        List<Vertex> candidates = health.vertices().stream()
                .filter(v -> downstream.contains(v.id()))
                .filter(v -> v.backPressuredMax() < limits.backPressuredMsPerSecond())
                .toList();
        return candidates.stream()
                .filter(v -> v.busyMax() >= limits.busyMsPerSecond())
                .findFirst()
                .or(() -> candidates.stream().max(Comparator.comparingDouble(Vertex::busyMax)));
    }

    private static String describe(Vertex vertex) {
        return "'" + vertex.name() + "' waits " + ms(vertex.backPressuredMax()) + " ms/s for output buffers";
    }

    private static String names(List<Vertex> vertices) {
        return String.join(
                ", ", vertices.stream().map(v -> "'" + v.name() + "'").toList());
    }

    static long ms(double value) {
        return Math.round(value);
    }
}
