package dev.ferry.launcher.jobs;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

/** A job as a running Ferry cluster's JobManager reports it now. */
public record LiveJob(ApplicationReport cluster, String clusterName, String mode, JobDetails details) {

    public String jobId() {
        return details.getJobId().toHexString();
    }

    public boolean ended() {
        return details.getStatus().isGloballyTerminalState();
    }
}
