package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.health.InspectedJob;
import dev.ferry.launcher.health.JobInspector;

import java.util.List;

/** {@code ferry diagnose}: a job's findings, most severe first, with the job they are about. */
public final class JobDiagnostics {

    private final JobInspector inspector;
    private final DiagnosisThresholds thresholds;
    private final Diagnoser diagnoser = new Diagnoser();

    public JobDiagnostics(JobInspector inspector, DiagnosisThresholds thresholds) {
        this.inspector = inspector;
        this.thresholds = thresholds;
    }

    /**
     * What {@code ferry diagnose JOB} reports.
     *
     * @param healthy no rule found anything; the one finding then says so, with the numbers
     */
    public record Diagnosis(InspectedJob job, boolean healthy, List<Finding> findings) {}

    public Diagnosis diagnose(String nameOrId) {
        InspectedJob job = inspector.inspect(nameOrId);
        JobEvidence evidence = new JobEvidence(job.name(), job.health(), job.containers(), thresholds);
        List<Finding> problems = diagnoser.problems(evidence);
        return problems.isEmpty()
                ? new Diagnosis(job, true, List.of(Diagnoser.healthy(evidence)))
                : new Diagnosis(job, false, problems);
    }
}
