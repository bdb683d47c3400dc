package dev.ferry.launcher.jobs;

import dev.ferry.launcher.cluster.JobClusterCleanup;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobRecords;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;

import org.apache.flink.api.common.JobID;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Acts on a running job through its JobManager: cancel, savepoint, stop with a savepoint. Each
 * savepoint is written into the job's record, so a later resume finds it from any gateway. A
 * recorded job's name is held while it is acted on, so that no other gateway starts or changes it
 * at the same time.
 */
public final class JobController {

    private final JobLocator locator;
    private final JobRecords records;
    private final JobManagers jobManagers;
    private final JobClusterCleanup jobClusters;
    private final Duration timeout;

    public JobController(
            JobLocator locator,
            JobRecords records,
            JobManagers jobManagers,
            JobClusterCleanup jobClusters,
            Duration timeout) {
        this.locator = locator;
        this.records = records;
        this.jobManagers = jobManagers;
        this.jobClusters = jobClusters;
        this.timeout = timeout;
    }

    /** What an action did: the job, and the savepoint it wrote, if any. */
    public record JobAction(String name, String jobId, String cluster, String applicationId, String savepoint) {}

    public JobAction cancel(String nameOrId) {
        return underLockIfRecorded(nameOrId, job -> {
            LiveJob run = requireRunning(job, "cancel");
            long deadline = Answers.deadline(timeout);
            call(run, "cancel", jobManager -> jobManager.cancel(run.details().getJobId()));
            forgetJobCluster(run, deadline, "The job was cancelled but its cluster did not end");
            return action(job, run, null);
        });
    }

    public JobAction savepoint(String nameOrId) {
        return underLockIfRecorded(nameOrId, job -> {
            LiveJob run = requireRunning(job, "take a savepoint of");
            String path = call(
                    run,
                    "take a savepoint of",
                    jobManager -> jobManager.savepoint(run.details().getJobId(), null));
            job.record().ifPresent(record -> records.save(record.withSavepoint(path)));
            return action(job, run, path);
        });
    }

    /**
     * Stops the job with a savepoint ({@code drain}: first emits end-of-input so windows fire). A
     * job cluster ends with its job; this waits until YARN says so, so its name is free again.
     */
    public JobAction stop(String nameOrId, boolean drain) {
        return underLockIfRecorded(nameOrId, job -> stopLocked(job, drain));
    }

    /** {@link #stop} for a job whose name the caller holds already (a restart). */
    JobAction stopLocked(LocatedJob job, boolean drain) {
        LiveJob run = requireRunning(job, "stop");
        long deadline = Answers.deadline(timeout);
        String path = call(
                run,
                "stop",
                jobManager -> jobManager.stopWithSavepoint(run.details().getJobId(), drain, null));
        job.record().ifPresent(record -> records.save(record.withSavepoint(path)));
        forgetJobCluster(run, deadline, "The job stopped but its cluster did not end");
        return action(job, run, path);
    }

    /** A job cluster ends with its job: wait for that, so its name is free again and it leaves no entry. */
    private void forgetJobCluster(LiveJob run, long deadline, String notEnded) {
        if (!"session".equals(run.mode())) {
            jobClusters.awaitEndedAndForget(run.clusterName(), run.cluster().getApplicationId(), deadline, notEnded);
        }
    }

    /** Fails unless the job has a run that has not ended; the error says what to do instead. */
    static LiveJob requireRunning(LocatedJob job, String action) {
        if (job.running().isPresent()) {
            return job.running().get();
        }
        String state =
                job.live().map(run -> "already " + run.details().getStatus()).orElse("not running");
        throw new FerryException(
                ExitCode.CONFLICT,
                "Cannot " + action + " job '" + job.name() + "': it is " + state
                        + (job.record().isPresent()
                                ? "; start it again with 'ferry job resume " + job.name() + " --from-latest'"
                                : "; 'ferry job list' shows the running jobs"));
    }

    /**
     * Locates the job and, if Ferry recorded it, acts holding its name (then locates it again); a
     * job of another client has no name to hold.
     */
    <T> T underLockIfRecorded(String nameOrId, Function<LocatedJob, T> action) {
        LocatedJob job = locator.locate(nameOrId);
        if (job.record().isEmpty()) {
            return action.apply(job);
        }
        return records.underNameLock(job.name(), () -> action.apply(locator.locate(job.name())));
    }

    private static JobAction action(LocatedJob job, LiveJob run, String savepoint) {
        return new JobAction(
                job.name(),
                run.jobId(),
                run.clusterName(),
                run.cluster().getApplicationId().toString(),
                savepoint);
    }

    private <T> T call(LiveJob run, String action, Function<JobManager, CompletableFuture<T>> call) {
        JobID id = run.details().getJobId();
        try (JobManager jobManager = jobManagers.open(run.cluster())) {
            return Answers.await(
                    call.apply(jobManager),
                    Answers.deadline(timeout),
                    () -> new FerryException(
                            ExitCode.TIMEOUT,
                            "Could not " + action + " job " + id + " within " + timeout.toSeconds() + "s: check "
                                    + JobManagers.webUrl(run.cluster()) + " (or raise ferry.stop.timeout)"),
                    cause -> new FerryException(ExitCode.FAILURE, "Could not " + action + " job " + id + ": " + cause));
        }
    }
}
