package dev.ferry.launcher.cluster;

import dev.ferry.launcher.yarn.ApplicationAttempts;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;

import java.util.List;
import java.util.Optional;

/**
 * One cluster in detail, for {@code ferry session status}.
 *
 * @param attempts the YARN attempts it was granted, where YARN tells
 * @param jobs its jobs, newest first; empty once the cluster ended or when its JobManager is silent
 * @param leader the REST address of its leading JobManager in ZooKeeper, when HA is on and one leads
 */
public record ClusterStatus(
        ClusterView cluster, Optional<ApplicationAttempts> attempts, List<JobDetails> jobs, Optional<String> leader) {

    public ClusterStatus {
        jobs = List.copyOf(jobs);
    }
}
