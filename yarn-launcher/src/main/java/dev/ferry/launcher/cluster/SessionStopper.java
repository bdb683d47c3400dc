package dev.ferry.launcher.cluster;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.coordination.ClusterCoordination;

import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a session gracefully: every running job is stopped with a savepoint (or cancelled when
 * asked), then the cluster shuts itself down and YARN reports it finished.
 */
public final class SessionStopper {

    private final YarnClient yarn;
    private final ClusterObserver observer;
    private final JobManagerClients jobManagers;
    private final Duration timeout;
    private final EndedClusterCleanup cleanup;
    private final ClusterCoordination coordination;

    public SessionStopper(
            YarnClient yarn,
            ClusterObserver observer,
            JobManagerClients jobManagers,
            Duration timeout,
            EndedClusterCleanup cleanup,
            ClusterCoordination coordination) {
        this.yarn = yarn;
        this.observer = observer;
        this.jobManagers = jobManagers;
        this.timeout = timeout;
        this.cleanup = cleanup;
        this.coordination = coordination;
    }

    /**
     * @param cancelJobs cancel running jobs instead of stopping them with a savepoint
     * @param savepointDir where savepoints go; null for the cluster's execution.checkpointing.savepoint-dir
     */
    public StoppedCluster stop(String name, boolean cancelJobs, String savepointDir) {
        // Under the name lock: a cluster another gateway is still starting cannot be stopped.
        return coordination.underNameLock(name, () -> stopLocked(name, cancelJobs, savepointDir));
    }

    private StoppedCluster stopLocked(String name, boolean cancelJobs, String savepointDir) {
        ApplicationReport report = observer.requireLive(name);
        if (report.getYarnApplicationState() != YarnApplicationState.RUNNING) {
            throw new FerryException(
                    ExitCode.CONFLICT,
                    "Cluster '" + name + "' is still " + report.getYarnApplicationState()
                            + ": wait until it runs, or end it now with 'ferry session kill " + name + "'");
        }
        long deadline = ApplicationWaiter.deadline(timeout);
        List<StoppedJob> stopped = new ArrayList<>();
        try (RestClusterClient<ApplicationId> client = jobManagers.open(report)) {
            for (JobDetails job : runningJobs(report)) {
                stopped.add(
                        cancelJobs
                                ? cancel(client, job, deadline)
                                : stopWithSavepoint(client, job, savepointDir, deadline));
            }
            client.shutDownCluster();
        }
        YarnApplicationState state = ApplicationWaiter.awaitEnded(
                yarn, report.getApplicationId(), deadline, "Cluster did not shut down in time");
        String id = report.getApplicationId().toString();
        coordination.unregistered(name);
        return new StoppedCluster(name, id, state.name(), stopped, cleanup.cleanUp(id));
    }

    private Collection<JobDetails> runningJobs(ApplicationReport report) {
        return observer
                .jobs(report)
                .orElseThrow(() -> new FerryException(
                        ExitCode.UNAVAILABLE,
                        "The JobManager of " + report.getApplicationId() + " does not answer at "
                                + JobManagerClients.webUrl(report)
                                + ": retry, or end the cluster without savepoints with 'ferry session kill'"))
                .stream()
                .filter(job -> !job.getStatus().isGloballyTerminalState())
                .toList();
    }

    private static StoppedJob stopWithSavepoint(
            RestClusterClient<ApplicationId> client, JobDetails job, String savepointDir, long deadline) {
        JobID id = job.getJobId();
        try {
            String path = client.stopWithSavepoint(id, false, savepointDir, SavepointFormatType.CANONICAL)
                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            return new StoppedJob(id.toHexString(), job.getJobName(), path);
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Job '" + job.getJobName() + "' (" + id + ") could not be stopped with a savepoint ("
                            + FerryException.rootCauseMessage(e)
                            + "); the cluster keeps running: pass --savepoint-dir, set"
                            + " execution.checkpointing.savepoint-dir, or use --cancel-jobs",
                    e);
        }
    }

    private static StoppedJob cancel(RestClusterClient<ApplicationId> client, JobDetails job, long deadline) {
        JobID id = job.getJobId();
        try {
            client.cancel(id).get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            return new StoppedJob(id.toHexString(), job.getJobName(), null);
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Job '" + job.getJobName() + "' (" + id + ") could not be cancelled ("
                            + FerryException.rootCauseMessage(e)
                            + "); the cluster keeps running: retry, or use 'ferry session kill'",
                    e);
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
