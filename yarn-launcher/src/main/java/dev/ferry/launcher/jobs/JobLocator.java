package dev.ferry.launcher.jobs;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.jobs.record.JobRecords;
import dev.ferry.launcher.rest.JobManagers;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds jobs by name or Flink job id, live from every running Ferry cluster's JobManager and from
 * the job records. A name means Ferry's job name (the record's key), or else a Flink job name: the
 * one running job of that name, or, when none runs, the newest that ended.
 */
public final class JobLocator {

    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    private final ClusterObserver observer;
    private final JobRecords records;

    public JobLocator(ClusterObserver observer, JobRecords records) {
        this.observer = observer;
        this.records = records;
    }

    /** Every job of every running Ferry cluster, ended ones included, asked of all JobManagers at once. */
    public LiveJobs liveJobs() {
        List<ApplicationReport> running = observer.liveApplications().stream()
                .filter(cluster -> cluster.getYarnApplicationState() == YarnApplicationState.RUNNING)
                .toList();
        List<LiveJob> jobs = new ArrayList<>();
        List<ApplicationReport> silent = new ArrayList<>();
        for (Map.Entry<ApplicationReport, Optional<Collection<JobDetails>>> answer :
                observer.jobsOf(running).entrySet()) {
            ApplicationReport cluster = answer.getKey();
            answer.getValue()
                    .ifPresentOrElse(
                            details -> details.forEach(d -> jobs.add(new LiveJob(
                                    cluster, ClusterObserver.nameOf(cluster), ClusterObserver.modeOf(cluster), d))),
                            () -> silent.add(cluster));
        }
        jobs.sort(Comparator.comparingLong((LiveJob j) -> j.details().getStartTime())
                .reversed());
        return new LiveJobs(jobs, silent);
    }

    /** Whether YARN runs a Ferry cluster named {@code name} now. */
    public boolean clusterRuns(String name) {
        return observer.findLive(name).isPresent();
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

    /**
     * The job named or numbered {@code nameOrId}; fails with NOT_FOUND naming what exists. A job
     * whose cluster's JobManager does not answer is not taken for ended: that fails as UNAVAILABLE,
     * so that nothing acts on a job whose state is unknown.
     */
    public LocatedJob locate(String nameOrId) {
        LiveJobs live = liveJobs();
        Optional<JobRecord> record = records.find(nameOrId);
        if (record.isPresent()) {
            Optional<LiveJob> run = liveRun(record.get(), live.jobs());
            if (run.isEmpty()) {
                requireAnswered(record.get().name(), live, record.get().applicationId());
            }
            return new LocatedJob(record.get().name(), record, run);
        }
        Optional<LocatedJob> found =
                JOB_ID.matcher(nameOrId).matches() ? byId(nameOrId, live.jobs()) : Optional.empty();
        found = found.or(() -> byFlinkName(nameOrId, live.jobs()));
        if (found.isEmpty()) {
            requireAnswered(nameOrId, live, null);
        }
        return found.orElseThrow(() -> new FerryException(
                ExitCode.NOT_FOUND,
                "No job is named or numbered '" + nameOrId + "': 'ferry job list --all' shows the jobs Ferry knows"));
    }

    /**
     * Fails if the cluster {@code applicationId} (or, when null, any cluster) did not answer: the job
     * may be running there.
     */
    private static void requireAnswered(String job, LiveJobs live, String applicationId) {
        live.silentClusters().stream()
                .filter(cluster -> applicationId == null
                        || cluster.getApplicationId().toString().equals(applicationId))
                .findFirst()
                .ifPresent(cluster -> {
                    throw new FerryException(
                            ExitCode.UNAVAILABLE,
                            "The JobManager of cluster '" + ClusterObserver.nameOf(cluster) + "' ("
                                    + cluster.getApplicationId() + ") does not answer at "
                                    + JobManagers.webUrl(cluster) + ", so whether job '" + job
                                    + "' runs there is unknown: retry, or check it in the web UI");
                });
    }

    private Optional<LocatedJob> byId(String jobId, List<LiveJob> live) {
        Optional<LiveJob> run =
                live.stream().filter(j -> j.jobId().equals(jobId)).findFirst();
        Optional<JobRecord> owner =
                records.list().stream().filter(r -> r.jobIds().contains(jobId)).findFirst();
        if (owner.isPresent()) {
            // An old id of a recorded job stands for the job; its live run is the record's current one.
            return Optional.of(new LocatedJob(
                    owner.get().name(), owner, liveRun(owner.get(), live).or(() -> run)));
        }
        return run.map(job -> new LocatedJob(job.details().getJobName(), Optional.empty(), Optional.of(job)));
    }

    private static Optional<LocatedJob> byFlinkName(String name, List<LiveJob> live) {
        List<LiveJob> named =
                live.stream().filter(j -> j.details().getJobName().equals(name)).toList();
        List<LiveJob> running = named.stream().filter(j -> !j.ended()).toList();
        if (running.size() > 1) {
            throw new FerryException(
                    ExitCode.USAGE,
                    running.size() + " running jobs are named '" + name + "' ("
                            + String.join(
                                    ", ", running.stream().map(LiveJob::jobId).toList())
                            + "): give the job id instead");
        }
        // 'live' is newest first: without a running one, the newest that ended.
        Optional<LiveJob> found = running.isEmpty() ? named.stream().findFirst() : Optional.of(running.get(0));
        return found.map(job -> new LocatedJob(name, Optional.empty(), Optional.of(job)));
    }
}
