package dev.ferry.launcher.jobs;

import dev.ferry.ha.registry.JobRecord;
import dev.ferry.launcher.cluster.JobManagerClients;
import dev.ferry.launcher.jobs.RestorePoints.RestorePoint;

import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the views of {@code ferry job list} and {@code ferry job status}: live state from the
 * JobManagers of every running Ferry cluster, joined with the job records by job id.
 */
public final class JobLister {

    private final JobLocator locator;
    private final RestorePoints restorePoints;

    public JobLister(JobLocator locator, RestorePoints restorePoints) {
        this.locator = locator;
        this.restorePoints = restorePoints;
    }

    /**
     * Running jobs, newest first; with {@code all} also ended ones the clusters still show, and
     * recorded jobs that run nowhere now.
     */
    public List<JobView> list(Optional<String> cluster, boolean all) {
        List<LiveJob> live = locator.liveJobs();
        List<JobRecord> records = locator.records();
        Map<String, JobRecord> byJobId = new HashMap<>();
        records.forEach(r -> r.jobIds().forEach(id -> byJobId.put(id, r)));

        List<JobView> views = new ArrayList<>();
        Set<String> recordsSeenLive = new HashSet<>();
        for (LiveJob job : live) {
            JobRecord record = byJobId.get(job.jobId());
            if (record != null && job.jobId().equals(record.currentJobId())) {
                recordsSeenLive.add(record.name());
            }
            if ((all || !job.ended()) && cluster.map(job.clusterName()::equals).orElse(true)) {
                views.add(liveView(job, Optional.ofNullable(record), null));
            }
        }
        if (all) {
            records.stream()
                    .filter(r -> !recordsSeenLive.contains(r.name()))
                    .filter(r -> cluster.map(c -> c.equals(clusterOf(r))).orElse(true))
                    .forEach(r -> views.add(endedView(r, null)));
        }
        return views;
    }

    /** One job in detail, including its latest completed checkpoint. */
    public JobView status(String nameOrId) {
        LocatedJob job = locator.locate(nameOrId);
        String checkpoint = job.record()
                .flatMap(restorePoints::latestCheckpoint)
                .map(RestorePoint::path)
                .orElse(null);
        if (job.live().isPresent()) {
            return liveView(job.live().get(), job.record(), checkpoint);
        }
        return endedView(job.record().orElseThrow(), checkpoint);
    }

    private static JobView liveView(LiveJob job, Optional<JobRecord> record, String checkpoint) {
        JobDetails details = job.details();
        long end = details.getEndTime() > 0 ? details.getEndTime() : System.currentTimeMillis();
        boolean current = record.map(r -> job.jobId().equals(r.currentJobId())).orElse(false);
        return new JobView(
                current ? record.get().name() : details.getJobName(),
                job.jobId(),
                details.getStatus().name(),
                job.clusterName(),
                job.mode(),
                job.cluster().getApplicationId().toString(),
                JobManagerClients.webUrl(job.cluster()),
                Instant.ofEpochMilli(details.getStartTime()),
                Duration.ofMillis(Math.max(0, end - details.getStartTime())),
                details.getTasksPerState()[ExecutionState.RUNNING.ordinal()],
                details.getNumTasks(),
                record.map(JobRecord::kind).orElse(null),
                record.map(JobRecord::artifact).orElse(null),
                record.map(JobRecord::lastSavepoint).orElse(null),
                checkpoint);
    }

    private static JobView endedView(JobRecord record, String checkpoint) {
        return new JobView(
                record.name(),
                record.currentJobId(),
                "ENDED",
                clusterOf(record),
                record.placement().mode(),
                record.applicationId(),
                null,
                null,
                null,
                null,
                null,
                record.kind(),
                record.artifact(),
                record.lastSavepoint(),
                checkpoint);
    }

    private static String clusterOf(JobRecord record) {
        return record.placement().runsInSession()
                ? record.placement().session()
                : JobStarter.clusterNameFor(record.name()).value();
    }
}
