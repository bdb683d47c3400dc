package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.health.JobHealth;
import dev.ferry.launcher.health.JobHealth.Vertex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Data delay: the event-time watermark behind wall clock (the job processes old data, or its
 * sources fall behind), and sources whose connector reports records it has not read yet.
 */
final class DelayRule implements DiagnosisRule {

    /** A backlog below this is normal buffering, not a delay. */
    private static final long BACKLOG = 10_000;

    @Override
    public List<Finding> findings(JobEvidence evidence) {
        JobHealth health = evidence.health();
        List<Finding> findings = new ArrayList<>();
        health.vertices().stream()
                .filter(v -> v.minWatermark().isPresent())
                .min(Comparator.comparingLong(v -> v.minWatermark().getAsLong()))
                .ifPresent(slowest -> {
                    Duration lag = Duration.ofMillis(
                            health.readAt() - slowest.minWatermark().getAsLong());
                    if (lag.compareTo(evidence.thresholds().watermarkLag()) > 0) {
                        findings.add(watermarkBehind(slowest, lag));
                    }
                });
        for (Vertex source : health.vertices()) {
            if (source.sourceBacklog().isPresent() && source.sourceBacklog().getAsLong() > BACKLOG) {
                findings.add(new Finding(
                        Severity.WARNING,
                        "Source '" + source.name() + "' is behind its input",
                        "its connector reports " + source.sourceBacklog().getAsLong() + " records not read yet"
                                + " (pendingRecords), reading " + Math.round(source.recordsOutPerSecond()) + "/s",
                        "raise the parallelism of '" + source.name() + "' (up to the input's partitions), or"
                                + " remove the backpressure downstream of it",
                        Optional.of(source.name())));
            }
        }
        return findings;
    }

    private static Finding watermarkBehind(Vertex vertex, Duration lag) {
        return new Finding(
                lag.toMinutes() >= 10 ? Severity.CRITICAL : Severity.WARNING,
                "Event time is " + human(lag) + " behind wall clock at '" + vertex.name() + "'",
                "the lowest watermark of '" + vertex.name() + "' is " + lag.toSeconds() + " s old",
                "windows fire late and results are stale: look for backpressure or a slow source; an idle source"
                        + " partition holds the watermark back unless the source sets withIdleness(...)"
                        + " (SQL: table.exec.source.idle-timeout)",
                Optional.of(vertex.name()));
    }

    private static String human(Duration lag) {
        return lag.toMinutes() > 0 ? lag.toMinutes() + " min" : lag.toSeconds() + " s";
    }
}
