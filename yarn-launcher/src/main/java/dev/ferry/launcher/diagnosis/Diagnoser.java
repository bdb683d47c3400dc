package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Looks at a job's evidence with every rule and ranks what they find, most severe first; a job
 * with no finding is called healthy, with the numbers that say so.
 */
public final class Diagnoser {

    private static final List<DiagnosisRule> RULES = List.of(
            // Before restarts: a container lost to memory is why the job restarts, and what to change.
            new MemoryRule(),
            new RestartRule(),
            new CheckpointRule(),
            new BackpressureRule(),
            new DelayRule(),
            new SkewRule());

    /** What every rule found, most severe first; empty for a healthy job. */
    public List<Finding> problems(JobEvidence evidence) {
        List<Finding> findings = new ArrayList<>();
        RULES.forEach(rule -> findings.addAll(rule.findings(evidence)));
        findings.sort(Comparator.comparing(Finding::severity));
        return findings;
    }

    /** The problems, or the one finding that says the job is healthy and why. */
    public List<Finding> diagnose(JobEvidence evidence) {
        List<Finding> problems = problems(evidence);
        return problems.isEmpty() ? List.of(healthy(evidence)) : problems;
    }

    static Finding healthy(JobEvidence evidence) {
        var checkpoints = evidence.health().checkpoints();
        return new Finding(
                Severity.INFO,
                "Healthy",
                evidence.health().state() + ", no backpressure, skew or delay, " + checkpoints.completed()
                        + " checkpoints completed and "
                        + (checkpoints.failed() == 0
                                ? "none failed"
                                : "the newest completed after the " + checkpoints.failed() + " that failed")
                        + ", no restarts",
                "nothing to change",
                Optional.empty());
    }
}
