package dev.ferry.launcher.jobs;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.JobView.VertexView;
import dev.ferry.launcher.jobs.RestorePoints.Found;
import dev.ferry.launcher.jobs.RestorePoints.RestorePoint;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.jobs.record.ScaledVertex;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.rest.CheckpointHistory;
import dev.ferry.launcher.rest.CheckpointHistory.Snapshot;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.rest.RunningVertex;

import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** The state shown for a cluster whose JobManager did not answer: its jobs are unknown. */
    public static final String NOT_ANSWERING = "NOT_ANSWERING";

    private final JobLocator locator;
    private final RestorePoints restorePoints;
    private final RunHistories histories;
    private final JobManagers jobManagers;
    private final Duration restTimeout;

    public JobLister(
            JobLocator locator,
            RestorePoints restorePoints,
            RunHistories histories,
            JobManagers jobManagers,
            Duration restTimeout) {
        this.locator = locator;
        this.restorePoints = restorePoints;
        this.histories = histories;
        this.jobManagers = jobManagers;
        this.restTimeout = restTimeout;
    }

    /**
     * Running jobs, newest first; with {@code all} also ended ones the clusters still show, and
     * recorded jobs that run nowhere now. A cluster whose JobManager did not answer is listed as
     * {@value #NOT_ANSWERING}. A {@code cluster} that does not run (or, with {@code all}, that no
     * record names) is not found.
     */
    public List<JobView> list(Optional<String> cluster, boolean all) {
        LiveJobs live = locator.liveJobs();
        List<JobRecord> records = locator.records();
        cluster.ifPresent(name -> requireKnown(name, live, records, all));
        Map<String, JobRecord> byJobId = new HashMap<>();
        records.forEach(r -> r.jobIds().forEach(id -> byJobId.put(id, r)));

        List<JobView> views = new ArrayList<>();
        Set<String> recordsSeenLive = new HashSet<>();
        for (LiveJob job : live.jobs()) {
            JobRecord record = byJobId.get(job.jobId());
            if (record != null && job.jobId().equals(record.currentJobId())) {
                recordsSeenLive.add(record.name());
            }
            if ((all || !job.ended()) && cluster.map(job.clusterName()::equals).orElse(true)) {
                views.add(liveView(job, Optional.ofNullable(record), Optional.empty(), null));
            }
        }
        live.silentClusters().stream()
                .filter(silent ->
                        cluster.map(ClusterObserver.nameOf(silent)::equals).orElse(true))
                .forEach(silent -> views.add(silentView(silent)));
        if (all) {
            records.stream()
                    .filter(r -> !recordsSeenLive.contains(r.name()))
                    .filter(r -> cluster.map(c -> c.equals(clusterOf(r))).orElse(true))
                    .forEach(r -> views.add(endedView(r, Optional.empty())));
        }
        return views;
    }

    /** One job in detail, with its newest savepoint and checkpoint, whoever took them. */
    public JobView status(String nameOrId) {
        LocatedJob job = locator.locate(nameOrId);
        Optional<Found> found =
                job.record().map(restorePoints::of).or(() -> job.live().map(this::fromItsJobManager));
        if (job.live().isPresent()) {
            LiveJob run = job.live().get();
            return liveView(run, job.record(), found, run.ended() ? null : vertices(run, job.record()));
        }
        return endedView(job.record().orElseThrow(), found);
    }

    /**
     * The running job's vertices as its scheduler runs them, whoever scaled them, with where
     * their parallelism came from by Ferry's record; null when the JobManager does not answer.
     */
    private List<VertexView> vertices(LiveJob run, Optional<JobRecord> record) {
        Map<String, ScaledVertex> scaled = record.filter(r -> run.jobId().equals(r.currentJobId()))
                .map(JobRecord::vertices)
                .orElse(Map.of());
        try (JobManager jobManager = jobManagers.open(run.cluster())) {
            return Answers.ifAnswered(jobManager.vertices(run.details().getJobId()), Answers.deadline(restTimeout))
                    .map(vertices -> vertices.stream()
                            .map(v -> vertexView(v, Optional.ofNullable(scaled.get(v.id()))))
                            .toList())
                    .orElse(null);
        } catch (FerryException e) {
            return null;
        }
    }

    private static VertexView vertexView(RunningVertex vertex, Optional<ScaledVertex> scaled) {
        return new VertexView(
                vertex.id(),
                vertex.name(),
                vertex.parallelism(),
                vertex.maxParallelism(),
                scaled.map(ScaledVertex::origin).orElse(ScaledVertex.SUBMITTED),
                scaled.map(ScaledVertex::parallelism).orElse(null));
    }

    /** A job Ferry did not start has no record: what its JobManager knows is all there is. */
    private Found fromItsJobManager(LiveJob job) {
        CheckpointHistory history =
                histories.of(Optional.of(job.cluster().getApplicationId().toString()), job.jobId());
        List<RestorePoint> points = history.completed().stream()
                .sorted(Comparator.comparingLong(Snapshot::completedAt).reversed())
                .map(s -> new RestorePoint(
                        s.path(), s.savepoint() ? RestorePoint.SAVEPOINT : RestorePoint.CHECKPOINT, s.completedAt()))
                .toList();
        return new Found(points);
    }

    private void requireKnown(String cluster, LiveJobs live, List<JobRecord> records, boolean all) {
        boolean running = live.jobs().stream().anyMatch(j -> j.clusterName().equals(cluster))
                || live.silentClusters().stream()
                        .anyMatch(c -> ClusterObserver.nameOf(c).equals(cluster))
                || locator.clusterRuns(cluster);
        boolean recorded = all && records.stream().anyMatch(r -> cluster.equals(clusterOf(r)));
        if (!running && !recorded) {
            throw new FerryException(
                    ExitCode.NOT_FOUND,
                    "No running Ferry cluster is named '" + cluster + "'"
                            + (all ? " and no recorded job ran in one of that name" : "")
                            + ": 'ferry session list' shows the clusters");
        }
    }

    private static JobView liveView(
            LiveJob job, Optional<JobRecord> record, Optional<Found> found, List<VertexView> vertices) {
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
                JobManagers.webUrl(job.cluster()),
                Instant.ofEpochMilli(details.getStartTime()),
                Duration.ofMillis(Math.max(0, end - details.getStartTime())),
                details.getTasksPerState()[ExecutionState.RUNNING.ordinal()],
                details.getNumTasks(),
                record.map(JobRecord::kind).orElse(null),
                record.map(JobRecord::artifact).orElse(null),
                lastSavepoint(record, found),
                found.flatMap(Found::latestCheckpoint).map(RestorePoint::path).orElse(null),
                found.flatMap(Found::latest).map(RestorePoint::path).orElse(null),
                vertices);
    }

    private static JobView endedView(JobRecord record, Optional<Found> found) {
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
                lastSavepoint(Optional.of(record), found),
                found.flatMap(Found::latestCheckpoint).map(RestorePoint::path).orElse(null),
                found.flatMap(Found::latest).map(RestorePoint::path).orElse(null),
                null);
    }

    private static JobView silentView(ApplicationReport cluster) {
        return new JobView(
                null,
                null,
                NOT_ANSWERING,
                ClusterObserver.nameOf(cluster),
                ClusterObserver.modeOf(cluster),
                cluster.getApplicationId().toString(),
                JobManagers.webUrl(cluster),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** In a listing only Ferry's own record is read; a status looks for savepoints of every client. */
    private static String lastSavepoint(Optional<JobRecord> record, Optional<Found> found) {
        if (found.isPresent()) {
            return found.get().latestSavepoint().map(RestorePoint::path).orElse(null);
        }
        return record.map(JobRecord::lastSavepoint).orElse(null);
    }

    private static String clusterOf(JobRecord record) {
        return record.placement().runsInSession()
                ? record.placement().session()
                : JobStarter.clusterNameFor(record.name()).value();
    }
}
