package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.health.JobHealth;

import java.util.List;
import java.util.Optional;

/** Restarts, with the exception that caused the newest. */
final class RestartRule implements DiagnosisRule {

    /**
     * What Flink records when a TaskManager's JVM is told to stop (SIGTERM) rather than failing: the
     * NodeManager's kill of a container over its memory or a preemption shows only this in Flink.
     */
    private static final String TASK_MANAGER_STOPPED = "The TaskExecutor is shutting down";

    @Override
    public List<Finding> findings(JobEvidence evidence) {
        JobHealth health = evidence.health();
        long restarts = health.restarts().count();
        boolean failing = List.of("RESTARTING", "FAILING", "FAILED").contains(health.state());
        if (restarts == 0 && !failing) {
            return List.of();
        }
        String rootException = health.restarts().rootException().orElse("");
        String cause = rootException.isBlank() ? "no exception recorded" : summary(rootException);
        return List.of(new Finding(
                failing ? Severity.CRITICAL : Severity.WARNING,
                "The job " + (failing ? "is " + health.state() : "restarted " + restarts + " times"),
                restarts + " restarts; the newest failure: " + cause,
                rootException.contains(TASK_MANAGER_STOPPED)
                        ? "a TaskManager was stopped from outside the job: YARN kills a container that outgrows"
                                + " its memory (its NodeManager's log says 'beyond the 'PHYSICAL' memory limit';"
                                + " raise taskmanager.memory.process.size) or that it preempts for another queue;"
                                + " 'ferry logs " + evidence.name() + " --all --grep SIGTERM' shows which"
                        : "fix the cause the exception names ('ferry logs " + evidence.name()
                                + " --grep Exception' shows it in the TaskManagers' logs); restarts back off as"
                                + " restart-strategy.* says",
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
