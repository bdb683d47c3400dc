package dev.ferry.launcher.cluster;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.ha.ClusterCoordination;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads one named cluster's status: YARN's report, its attempts, its jobs and its HA leader. */
public final class ClusterStatusReader {

    private final ClusterObserver clusters;
    private final ClusterCoordination coordination;

    public ClusterStatusReader(ClusterObserver clusters, ClusterCoordination coordination) {
        this.clusters = clusters;
        this.coordination = coordination;
    }

    /** The newest application under {@code name}, live or ended; NOT_FOUND when YARN knows none. */
    public ClusterStatus status(String name) {
        ApplicationReport report = clusters.findLatest(name)
                .orElseThrow(() -> new FerryException(
                        ExitCode.NOT_FOUND,
                        "YARN knows no Ferry cluster named '" + name + "': see 'ferry session list --all'"));
        ClusterView cluster = clusters.describe(report);
        if (!cluster.isLive()) {
            return new ClusterStatus(cluster, clusters.attempts(report), List.of(), Optional.empty());
        }
        List<JobDetails> jobs = clusters.jobs(report).orElse(List.of()).stream()
                .sorted(Comparator.comparingLong(JobDetails::getStartTime).reversed())
                .toList();
        return new ClusterStatus(
                cluster, clusters.attempts(report), jobs, coordination.leaderRestAddress(cluster.applicationId()));
    }
}
