package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.health.JobHealth;
import dev.ferry.launcher.yarn.ContainerView;

import java.util.List;

/**
 * What a diagnosis reasons about: the job as its JobManager shows it, and the containers YARN ran
 * for its cluster (how the ones that ended, ended).
 *
 * @param name Ferry's name of the job, which the suggested commands take (Flink's may differ)
 */
public record JobEvidence(
        String name, JobHealth health, List<ContainerView> containers, DiagnosisThresholds thresholds) {

    public JobEvidence {
        containers = List.copyOf(containers);
    }
}
