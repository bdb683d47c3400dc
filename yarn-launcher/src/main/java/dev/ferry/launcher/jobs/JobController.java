package dev.ferry.launcher.jobs;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.cluster.ApplicationWaiter;
import dev.ferry.launcher.cluster.JobClusterCleanup;
import dev.ferry.launcher.cluster.JobManagerClients;

import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Acts on a running job through its JobManager: cancel, savepoint, stop with a savepoint. Each
 * savepoint is written into the job's record, so a later resume finds it from any gateway.
 */
public final class JobController {

    private final JobLocator locator;
    private final JobRecords records;
    private final JobManagerClients jobManagers;
    private final JobClusterCleanup jobClusters;
    private final Duration timeout;

    public JobController(
            JobLocator locator,
            JobRecords records,
            JobManagerClients jobManagers,
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
        LocatedJob job = locator.locate(nameOrId);
        LiveJob run = requireRunning(job, "cancel");
        long deadline = ApplicationWaiter.deadline(timeout);
        call(run, "cancel", client -> client.cancel(run.details().getJobId()).thenApply(ack -> ""));
        forgetJobCluster(run, deadline, "The job was cancelled but its cluster did not end");
        return new JobAction(job.name(), run.jobId(), run.clusterName(), applicationId(run), null);
    }

    public JobAction savepoint(String nameOrId) {
        LocatedJob job = locator.locate(nameOrId);
        LiveJob run = requireRunning(job, "take a savepoint of");
        String path = call(
                run,
                "take a savepoint of",
                client -> client.triggerSavepoint(run.details().getJobId(), null, SavepointFormatType.CANONICAL));
        job.record().ifPresent(record -> records.save(record.withSavepoint(path)));
        return new JobAction(job.name(), run.jobId(), run.clusterName(), applicationId(run), path);
    }

    /**
     * Stops the job with a savepoint ({@code drain}: first emits end-of-input so windows fire). A
     * job cluster ends with its job; this waits until YARN says so, so its name is free again.
     */
    public JobAction stop(String nameOrId, boolean drain) {
        LocatedJob job = locator.locate(nameOrId);
        LiveJob run = requireRunning(job, "stop");
        long deadline = ApplicationWaiter.deadline(timeout);
        String path = call(
                run,
                "stop",
                client ->
                        client.stopWithSavepoint(run.details().getJobId(), drain, null, SavepointFormatType.CANONICAL));
        job.record().ifPresent(record -> records.save(record.withSavepoint(path)));
        forgetJobCluster(run, deadline, "The job stopped but its cluster did not end");
        return new JobAction(job.name(), run.jobId(), run.clusterName(), applicationId(run), path);
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

    private interface ClientCall {
        CompletableFuture<String> call(RestClusterClient<ApplicationId> client) throws Exception;
    }

    private String call(LiveJob run, String action, ClientCall call) {
        JobID id = run.details().getJobId();
        try (RestClusterClient<ApplicationId> client = jobManagers.open(run.cluster())) {
            return call.call(client).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new FerryException(
                    ExitCode.TIMEOUT,
                    "Could not " + action + " job " + id + " within " + timeout.toSeconds() + "s: check "
                            + JobManagerClients.webUrl(run.cluster()) + " (or raise ferry.stop.timeout)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted; the job may still be acting on it: " + id, e);
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Could not " + action + " job " + id + ": " + FerryException.rootCauseMessage(e),
                    e);
        }
    }

    private static String applicationId(LiveJob run) {
        return run.cluster().getApplicationId().toString();
    }
}
