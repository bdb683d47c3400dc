package dev.ferry.launcher.jobs;

import dev.ferry.ha.registry.JobRecord;
import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.yarn.ApplicationTags;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds jobs by name or Flink job id, live from every running Ferry cluster's JobManager and from
 * the job records. A name means Ferry's job name (the record's key), or else a Flink job name that
 * exactly one live job has.
 */
public final class JobLocator {

    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    private final ClusterObserver observer;
    private final JobRecords records;

    public JobLocator(ClusterObserver observer, JobRecords records) {
        this.observer = observer;
        this.records = records;
    }

    /** Every job of every running Ferry cluster, ended ones included, newest first. */
    public List<LiveJob> liveJobs() {
        List<LiveJob> jobs = new ArrayList<>();
        for (ApplicationReport cluster : observer.liveApplications()) {
            if (cluster.getYarnApplicationState() != YarnApplicationState.RUNNING) {
                continue;
            }
            String name =
                    ApplicationTags.clusterName(cluster.getApplicationTags()).orElse(cluster.getName());
            String mode = ApplicationTags.mode(cluster.getApplicationTags()).orElse("session");
            Collection<JobDetails> details = observer.jobs(cluster).orElse(List.of());
            details.forEach(d -> jobs.add(new LiveJob(cluster, name, mode, d)));
        }
        jobs.sort(Comparator.comparingLong((LiveJob j) -> j.details().getStartTime())
                .reversed());
        return jobs;
    }

    /** The live run of a recorded job, if its current job id is known to a running cluster. */
    public Optional<LiveJob> liveRun(JobRecord record, List<LiveJob> live) {
        String current = record.currentJobId();
        return live.stream().filter(j -> j.jobId().equals(current)).findFirst();
    }

    public Optional<JobRecord> record(String name) {
        return records.find(name);
    }

    public List<JobRecord> records() {
        return records.list();
    }

    /** The job named or numbered {@code nameOrId}; fails with NOT_FOUND naming what exists. */
    public LocatedJob locate(String nameOrId) {
        List<LiveJob> live = liveJobs();
        Optional<JobRecord> record = records.find(nameOrId);
        if (record.isPresent()) {
            return new LocatedJob(record.get().name(), record, liveRun(record.get(), live));
        }
        if (JOB_ID.matcher(nameOrId).matches()) {
            Optional<LiveJob> byId =
                    live.stream().filter(j -> j.jobId().equals(nameOrId)).findFirst();
            Optional<JobRecord> owner = records.list().stream()
                    .filter(r -> r.jobIds().contains(nameOrId))
                    .findFirst();
            if (byId.isPresent() || owner.isPresent()) {
                String name = owner.map(JobRecord::name)
                        .orElseGet(() -> byId.get().details().getJobName());
                // An old id of a recorded job stands for the job; its live run is the record's current one.
                Optional<LiveJob> run =
                        owner.isPresent() ? liveRun(owner.get(), live).or(() -> byId) : byId;
                return new LocatedJob(name, owner, run);
            }
        }
        List<LiveJob> byName = live.stream()
                .filter(j -> j.details().getJobName().equals(nameOrId))
                .filter(j -> !j.ended())
                .toList();
        if (byName.size() == 1) {
            return new LocatedJob(nameOrId, Optional.empty(), Optional.of(byName.get(0)));
        }
        if (byName.size() > 1) {
            throw new FerryException(
                    ExitCode.USAGE,
                    byName.size() + " running jobs are named '" + nameOrId + "' ("
                            + String.join(
                                    ", ", byName.stream().map(LiveJob::jobId).toList())
                            + "): give the job id instead");
        }
        throw new FerryException(
                ExitCode.NOT_FOUND,
                "No job is named or numbered '" + nameOrId + "': 'ferry job list --all' shows the jobs Ferry knows");
    }
}
