package dev.ferry.launcher.cluster;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.EndedClusterCleanup;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stops a session gracefully: every running job is stopped with a savepoint (or cancelled when
 * asked), then the cluster shuts itself down and YARN reports it finished.
 */
public final class SessionStopper {

    private final YarnCluster yarn;
    private final ClusterObserver observer;
    private final JobManagers jobManagers;
    private final Duration timeout;
    private final EndedClusterCleanup cleanup;
    private final ClusterCoordination coordination;

    public SessionStopper(
            YarnCluster yarn,
            ClusterObserver observer,
            JobManagers jobManagers,
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
        long deadline = Answers.deadline(timeout);
        List<StoppedJob> stopped = new ArrayList<>();
        try (JobManager jobManager = jobManagers.open(report)) {
            for (JobDetails job : runningJobs(report)) {
                stopped.add(
                        cancelJobs
                                ? cancel(jobManager, job, deadline)
                                : stopWithSavepoint(jobManager, job, savepointDir, deadline));
            }
            jobManager.shutDown();
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
                                + JobManagers.webUrl(report)
                                + ": retry, or end the cluster without savepoints with 'ferry session kill'"))
                .stream()
                .filter(job -> !job.getStatus().isGloballyTerminalState())
                .toList();
    }

    private StoppedJob stopWithSavepoint(JobManager jobManager, JobDetails job, String savepointDir, long deadline) {
        JobID id = job.getJobId();
        String path = Answers.await(
                jobManager.stopWithSavepoint(id, false, savepointDir),
                deadline,
                () -> notStopped(job, "no savepoint within " + timeout.toSeconds() + " s"),
                cause -> notStopped(job, cause));
        return new StoppedJob(id.toHexString(), job.getJobName(), path);
    }

    private static FerryException notStopped(JobDetails job, String why) {
        return new FerryException(
                ExitCode.FAILURE,
                "Job '" + job.getJobName() + "' (" + job.getJobId() + ") could not be stopped with a savepoint ("
                        + why + "); the cluster keeps running: pass --savepoint-dir, set"
                        + " execution.checkpointing.savepoint-dir, or use --cancel-jobs");
    }

    private StoppedJob cancel(JobManager jobManager, JobDetails job, long deadline) {
        JobID id = job.getJobId();
        Answers.await(
                jobManager.cancel(id),
                deadline,
                () -> notCancelled(job, "no answer within " + timeout.toSeconds() + " s"),
                cause -> notCancelled(job, cause));
        return new StoppedJob(id.toHexString(), job.getJobName(), null);
    }

    private static FerryException notCancelled(JobDetails job, String why) {
        return new FerryException(
                ExitCode.FAILURE,
                "Job '" + job.getJobName() + "' (" + job.getJobId() + ") could not be cancelled (" + why
                        + "); the cluster keeps running: retry, or use 'ferry session kill'");
    }
}
