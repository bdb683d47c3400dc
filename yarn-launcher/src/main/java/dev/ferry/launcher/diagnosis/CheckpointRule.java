package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.health.JobHealth.Checkpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checkpoints that fail or expire, with Flink's reason, and checkpoints that keep growing. */
final class CheckpointRule implements DiagnosisRule {

    /** How many recent checkpoints must grow in a row, and by how much, to call it growth. */
    private static final int GROWING_FOR = 5;

    private static final double GROWTH = 2.0;

    @Override
    public List<Finding> findings(JobEvidence evidence) {
        Checkpoints checkpoints = evidence.health().checkpoints();
        List<Finding> findings = new ArrayList<>();
        // Failures followed by a completed checkpoint (a restart, a slow moment) are history, not a problem now.
        if (checkpoints.failed() > 0
                && checkpoints.latestFailure().isPresent()
                && !checkpoints.completedSinceFailure()) {
            findings.add(failing(checkpoints));
        }
        List<Long> sizes = checkpoints.recentSizes();
        if (growing(sizes)) {
            findings.add(new Finding(
                    Severity.INFO,
                    "Checkpoints keep growing",
                    "the last " + sizes.size() + " checkpoints grew from " + sizes.get(0) + " to "
                            + sizes.get(sizes.size() - 1) + " bytes",
                    "state grows without bound unless old keys expire: give state a time-to-live (SQL:"
                            + " table.exec.state.ttl; DataStream: StateTtlConfig)",
                    Optional.empty()));
        }
        return findings;
    }

    private static Finding failing(Checkpoints checkpoints) {
        String reason = checkpoints.latestFailure().get();
        boolean expired = reason.toLowerCase(Locale.ROOT).contains("expire");
        boolean none = checkpoints.completed() == 0;
        return new Finding(
                none ? Severity.CRITICAL : Severity.WARNING,
                expired ? "Checkpoints expire before they complete" : "Checkpoints fail",
                checkpoints.failed() + " failed, " + checkpoints.completed() + " completed; the newest failure: "
                        + firstLine(reason),
                expired
                        ? "a checkpoint cannot finish in execution.checkpointing.timeout: under backpressure enable"
                                + " execution.checkpointing.unaligned.enabled: true, or raise the timeout"
                        : "fix what Flink names; the checkpoint directory (execution.checkpointing.dir) must be"
                                + " reachable and writable",
                Optional.empty());
    }

    private static boolean growing(List<Long> sizes) {
        if (sizes.size() < GROWING_FOR || sizes.get(0) <= 0) {
            return false;
        }
        for (int i = 1; i < sizes.size(); i++) {
            if (sizes.get(i) <= sizes.get(i - 1)) {
                return false;
            }
        }
        return sizes.get(sizes.size() - 1) >= sizes.get(0) * GROWTH;
    }

    static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }
}
