package dev.ferry.launcher.deployment;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.yarn.ApplicationAttempts;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deploys a detached cluster with Flink's {@code YarnClusterDescriptor} and waits, within one
 * deadline, until YARN runs it (and for a session, until its REST API answers and its minimum
 * TaskManagers have registered). A deploy that misses the deadline or fails is killed: no orphan
 * applications.
 */
public final class ClusterDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDeployer.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final YarnCluster yarn;
    private final ClusterObserver observer;
    private final JobManagers jobManagers;
    private final DescriptorDeploy descriptorDeploy;
    private final SessionWarmUp warmUp;
    private final Duration deployTimeout;

    public ClusterDeployer(
            YarnSubmission submission,
            YarnCluster yarn,
            ClusterObserver observer,
            JobManagers jobManagers,
            Duration deployTimeout) {
        this.yarn = yarn;
        this.descriptorDeploy = new DescriptorDeploy(submission, yarn, deployTimeout);
        this.observer = observer;
        this.jobManagers = jobManagers;
        this.warmUp = new SessionWarmUp(jobManagers);
        this.deployTimeout = deployTimeout;
    }

    /** A fresh id for {@link ClusterConfigurationFactory#create}; it tags the application. */
    public static String newDeployId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * Deploys a session cluster and waits for its REST API and {@code minTaskManagers}; with
     * {@code warmUp}, also for a {@link SessionWarmUp} job on those TaskManagers.
     */
    public DeployedCluster deploySession(DeployRequest request, int minTaskManagers, boolean warmUp) {
        int warmUpSlots = warmUp ? minTaskManagers * request.flinkConfig().get(TaskManagerOptions.NUM_TASK_SLOTS) : 0;
        return deploy(request, d -> d.deploySessionCluster(request.sizing()), minTaskManagers, warmUpSlots);
    }

    /**
     * Deploys a cluster that runs one program (application or per-job mode); returns once YARN
     * runs its JobManager. Waiting for the job is the caller's business.
     */
    public DeployedCluster deployJobCluster(DeployRequest request, DeployCall call) {
        return deploy(request, call, -1, 0);
    }

    private DeployedCluster deploy(DeployRequest request, DeployCall call, int minTaskManagers, int warmUpSlots) {
        ClusterName name = request.name();
        Configuration flinkConfig = request.flinkConfig();
        requireNameFree(name);
        long started = System.nanoTime();
        long deadline = started + deployTimeout.toNanos();
        try (OrphanGuard guard = new OrphanGuard(yarn, request.deployId())) {
            ApplicationReport report =
                    descriptorDeploy.run(flinkConfig, call, request.sizing(), deadline, request.queue(), guard);
            int taskManagers = minTaskManagers < 0 ? 0 : awaitReady(report, minTaskManagers, deadline, guard);
            if (warmUpSlots > 0) {
                warmUp(report, warmUpSlots, deadline, guard);
            }
            guard.disarm();
            return new DeployedCluster(
                    name.value(),
                    report.getApplicationId().toString(),
                    report.getQueue(),
                    JobManagers.webUrl(report),
                    taskManagers,
                    request.libraries(),
                    Duration.ofNanos(System.nanoTime() - started),
                    ApplicationAttempts.of(flinkConfig, yarn.configuration()));
        }
    }

    private void requireNameFree(ClusterName name) {
        observer.findLive(name.value()).ifPresent(existing -> {
            throw new FerryException(
                    ExitCode.CONFLICT,
                    "Cluster name '" + name + "' is taken by " + existing.getApplicationId() + " ("
                            + existing.getYarnApplicationState() + " in queue " + existing.getQueue()
                            + "): stop it with 'ferry session stop " + name + "' or choose another name");
        });
    }

    /** Waits for the REST API and the minimum TaskManagers; returns how many registered. */
    private int awaitReady(ApplicationReport report, int minTaskManagers, long deadline, OrphanGuard guard) {
        try (JobManager jobManager = jobManagers.open(report)) {
            while (true) {
                Integer registered = registeredTaskManagers(jobManager);
                if (registered != null && registered >= minTaskManagers) {
                    return registered;
                }
                if (DescriptorDeploy.remaining(deadline) <= 0) {
                    guard.killNow();
                    throw new FerryException(
                            ExitCode.TIMEOUT,
                            "Cluster " + report.getApplicationId() + " was not ready within "
                                    + deployTimeout.toSeconds() + "s ("
                                    + (registered == null
                                            ? "its REST API did not answer"
                                            : registered + " of " + minTaskManagers + " TaskManagers registered")
                                    + ") and was killed: check the queue's free resources or raise"
                                    + " ferry.deploy.timeout");
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guard.killNow();
            throw DescriptorDeploy.interrupted(guard, e);
        }
    }

    private void warmUp(ApplicationReport report, int slots, long deadline, OrphanGuard guard) {
        try {
            warmUp.run(report, slots, deadline);
        } catch (FerryException unusable) {
            guard.killNow();
            throw new FerryException(
                    unusable.exitCode(),
                    unusable.getMessage() + " (" + report.getApplicationId() + " was killed)",
                    unusable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guard.killNow();
            throw DescriptorDeploy.interrupted(guard, e);
        }
    }

    private Integer registeredTaskManagers(JobManager jobManager) throws InterruptedException {
        try {
            return jobManager
                    .registeredTaskManagers()
                    .get(jobManagers.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("JobManager not ready yet", e);
            return null;
        }
    }
}
