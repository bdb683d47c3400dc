package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.health.JobHealth;

import java.util.List;
import java.util.Optional;

/** Restarts, with the exception that caused the newest. */
final class RestartRule implements DiagnosisRule {

    @Override
    public List<Finding> findings(JobEvidence evidence) {
        JobHealth health = evidence.health();
        long restarts = health.restarts().count();
        boolean failing = List.of("RESTARTING", "FAILING", "FAILED").contains(health.state());
        if (restarts == 0 && !failing) {
            return List.of();
        }
        String cause =
                health.restarts().rootException().map(RestartRule::summary).orElse("no exception recorded");
        return List.of(new Finding(
                failing ? Severity.CRITICAL : Severity.WARNING,
                "The job " + (failing ? "is " + health.state() : "restarted " + restarts + " times"),
                restarts + " restarts; the newest failure: " + cause,
                "fix the cause the exception names ('ferry logs " + health.name() + " --grep Exception' shows it"
                        + " in the TaskManagers' logs); restarts back off as restart-strategy.* says",
                Optional.empty()));
    }

    /** The exception's first line and the first frame of user code, if any. */
    static String summary(String stackTrace) {
        List<String> lines = stackTrace.strip().lines().toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        return lines.stream()
                .map(String::strip)
                .filter(line -> line.startsWith("at ")
                        && !line.startsWith("at org.apache.flink.")
                        && !line.startsWith("at java."))
                .findFirst()
                .map(frame -> first + " (" + frame + ")")
                .orElse(first);
    }
}
