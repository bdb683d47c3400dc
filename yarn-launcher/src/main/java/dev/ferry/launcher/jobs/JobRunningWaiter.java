package dev.ferry.launcher.jobs;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.yarn.ClusterStates;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits until every task of a job is RUNNING (or the job already FINISHED). It polls
 * {@code /jobs/overview}, which the dispatcher answers afresh; {@code /jobs/<id>} is cached for
 * seconds. A job cluster that ends meanwhile fails the wait with YARN's diagnostics.
 */
public final class JobRunningWaiter {

    private static final long POLL_MILLIS = 100;

    private final YarnCluster yarn;
    private final ClusterObserver observer;
    private final Duration timeout;

    public JobRunningWaiter(YarnCluster yarn, ClusterObserver observer, Duration timeout) {
        this.yarn = yarn;
        this.observer = observer;
        this.timeout = timeout;
    }

    /** Returns the state reached: RUNNING, or FINISHED for a job that was quicker than the wait. */
    public String await(ApplicationReport cluster, JobID id, long startedNanos) {
        return await(
                cluster,
                id,
                startedNanos,
                job -> true,
                "Job " + id + " was accepted but its tasks were not all RUNNING within " + timeout.toSeconds()
                        + "s: the cluster may lack free slots or containers; check " + JobManagers.webUrl(cluster)
                        + " (or raise ferry.job.running-timeout)");
    }

    /**
     * Waits until a job rescaled in place runs {@code tasks} tasks (the sum of its vertices'
     * parallelism), all RUNNING.
     */
    public String awaitTasks(ApplicationReport cluster, JobID id, int tasks, long startedNanos) {
        return await(
                cluster,
                id,
                startedNanos,
                job -> job.getNumTasks() == tasks,
                "Job " + id + " did not run at its new parallelism (" + tasks + " tasks, all RUNNING) within "
                        + timeout.toSeconds() + "s: the cluster may lack free slots or containers, and the job"
                        + " runs on at what it has until they come; check " + JobManagers.webUrl(cluster)
                        + " (or raise ferry.job.running-timeout)");
    }

    private String await(
            ApplicationReport cluster, JobID id, long startedNanos, Predicate<JobDetails> reached, String timedOut) {
        long deadline = startedNanos + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Optional<JobDetails> job = observer.jobs(cluster)
                        .flatMap(jobs -> jobs.stream()
                                .filter(j -> j.getJobId().equals(id))
                                .findFirst());
                if (job.isPresent()) {
                    JobStatus status = job.get().getStatus();
                    if (status == JobStatus.FINISHED || (allTasksRunning(job.get()) && reached.test(job.get()))) {
                        return status.name();
                    }
                    if (status.isGloballyTerminalState()) {
                        throw new FerryException(
                                ExitCode.FAILURE,
                                "Job " + id + " ended " + status + " right after it started: see its exceptions at "
                                        + JobManagers.webUrl(cluster) + "/#/job/completed/" + id);
                    }
                } else {
                    requireClusterLive(cluster, id);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while waiting for job " + id + " to run", e);
        }
        throw new FerryException(ExitCode.TIMEOUT, timedOut);
    }

    private void requireClusterLive(ApplicationReport cluster, JobID id) {
        ApplicationReport now;
        try {
            now = yarn.application(cluster.getApplicationId()).orElse(null);
        } catch (FerryException e) {
            return; // YARN hiccup: keep waiting until the deadline.
        }
        if (now != null && !ClusterStates.LIVE.contains(now.getYarnApplicationState())) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Cluster " + cluster.getApplicationId() + " ended (" + now.getFinalApplicationStatus()
                            + ") before job " + id + " ran: " + FerryException.firstLine(now.getDiagnostics())
                            + " (logs: 'yarn logs -applicationId " + cluster.getApplicationId() + "')");
        }
    }

    private static boolean allTasksRunning(JobDetails job) {
        return job.getStatus() == JobStatus.RUNNING
                && job.getNumTasks() > 0
                && job.getTasksPerState()[ExecutionState.RUNNING.ordinal()] == job.getNumTasks();
    }
}
