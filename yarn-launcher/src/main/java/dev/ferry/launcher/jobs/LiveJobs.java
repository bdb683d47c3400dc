package dev.ferry.launcher.jobs;

import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.util.List;

/**
 * Every job of the running Ferry clusters, newest first, and the clusters whose JobManager did
 * not answer in time: their jobs are unknown, not absent.
 */
public record LiveJobs(List<LiveJob> jobs, List<ApplicationReport> silentClusters) {

    public LiveJobs {
        jobs = List.copyOf(jobs);
        silentClusters = List.copyOf(silentClusters);
    }
}
