package dev.ferry.launcher.deployment;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.JobManagerClients;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.QueueView;
import dev.ferry.launcher.yarn.YarnConnection;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rest.handler.legacy.messages.ClusterOverviewWithVersion;
import org.apache.flink.yarn.YarnClientYarnClusterInformationRetriever;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deploys a detached session cluster with Flink's {@link YarnClusterDescriptor} and waits, within
 * one deadline, until YARN runs it, its REST API answers and its minimum TaskManagers have
 * registered. A deploy that misses the deadline or fails is killed: no orphan applications.
 */
public final class SessionDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDeployer.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final String YARN_DIAGNOSTICS = "Diagnostics from YARN:";

    private final YarnConnection yarn;
    private final ClusterObserver observer;
    private final JobManagerClients jobManagers;
    private final QueueInspector queues;
    private final Duration deployTimeout;

    public SessionDeployer(
            YarnConnection yarn, ClusterObserver observer, JobManagerClients jobManagers, Duration deployTimeout) {
        this.yarn = yarn;
        this.queues = new QueueInspector(yarn.client());
        this.observer = observer;
        this.jobManagers = jobManagers;
        this.deployTimeout = deployTimeout;
    }

    /** A fresh id for {@link SessionConfigurationFactory#create}; it tags the application. */
    public static String newDeployId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public DeployedCluster deploy(
            ClusterName name,
            QueueView queue,
            Configuration flinkConfig,
            ClusterSpecification specification,
            String deployId,
            int minTaskManagers,
            boolean stagedLibraries) {
        requireNameFree(name);
        long started = System.nanoTime();
        long deadline = started + deployTimeout.toNanos();
        try (OrphanGuard guard = new OrphanGuard(yarn.client(), deployId)) {
            ApplicationReport report = submitAndAwaitRunning(flinkConfig, specification, deadline, queue, guard);
            int taskManagers = awaitReady(report, minTaskManagers, deadline, guard);
            guard.disarm();
            return new DeployedCluster(
                    name.value(),
                    report.getApplicationId().toString(),
                    report.getQueue(),
                    JobManagerClients.webUrl(report),
                    taskManagers,
                    stagedLibraries,
                    Duration.ofNanos(System.nanoTime() - started));
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

    private ApplicationReport submitAndAwaitRunning(
            Configuration flinkConfig,
            ClusterSpecification specification,
            long deadline,
            QueueView queue,
            OrphanGuard guard) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ferry-deploy");
            t.setDaemon(true);
            return t;
        });
        YarnClusterDescriptor descriptor =
                new YarnClusterDescriptor(
                        flinkConfig,
                        yarn.configuration(),
                        yarn.client(),
                        YarnClientYarnClusterInformationRetriever.create(yarn.client()),
                        true);
        Future<ClusterClientProvider<ApplicationId>> deploy =
                executor.submit(() -> descriptor.deploySessionCluster(specification));
        try {
            ClusterClientProvider<ApplicationId> provider =
                    deploy.get(remaining(deadline), TimeUnit.NANOSECONDS);
            ApplicationId id;
            try (ClusterClient<ApplicationId> client = provider.getClusterClient()) {
                id = client.getClusterId();
            }
            return yarn.client().getApplicationReport(id);
        } catch (TimeoutException e) {
            deploy.cancel(true);
            guard.killNow();
            throw new FerryException(ExitCode.TIMEOUT, notStartedInTime(queue, specification), e);
        } catch (ExecutionException e) {
            guard.killNow();
            if (guard.interrupted()) {
                throw new FerryException(
                        ExitCode.FAILURE,
                        "Deploy interrupted; application " + guard.applicationIdOrPlaceholder() + " was killed",
                        e.getCause());
            }
            throw new FerryException(
                    ExitCode.FAILURE,
                    "YARN did not start the cluster: " + deployFailure(e.getCause())
                            + " (the JobManager's own log: 'yarn logs -applicationId " + guard.applicationIdOrPlaceholder() + "')",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guard.killNow();
            throw new FerryException(ExitCode.FAILURE, "Deploy interrupted; its application was killed", e);
        } catch (Exception e) {
            guard.killNow();
            throw new FerryException(ExitCode.FAILURE, "Deploy failed: " + e.getMessage(), e);
        } finally {
            executor.shutdownNow();
            descriptor.close();
        }
    }

    /** Waits for the REST API and the minimum TaskManagers; returns how many registered. */
    private int awaitReady(ApplicationReport report, int minTaskManagers, long deadline, OrphanGuard guard) {
        try (RestClusterClient<ApplicationId> client = jobManagers.open(report)) {
            while (true) {
                Integer registered = registeredTaskManagers(client);
                if (registered != null && registered >= minTaskManagers) {
                    return registered;
                }
                if (remaining(deadline) <= 0) {
                    guard.killNow();
                    throw new FerryException(
                            ExitCode.TIMEOUT,
                            "Cluster " + report.getApplicationId() + " was not ready within " + deployTimeout.toSeconds()
                                    + "s (" + (registered == null ? "its REST API did not answer"
                                            : registered + " of " + minTaskManagers + " TaskManagers registered")
                                    + ") and was killed: check the queue's free resources or raise ferry.deploy.timeout");
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guard.killNow();
            throw new FerryException(ExitCode.FAILURE, "Deploy interrupted; its application was killed", e);
        }
    }

    private Integer registeredTaskManagers(RestClusterClient<ApplicationId> client) throws InterruptedException {
        try {
            ClusterOverviewWithVersion overview =
                    client.getClusterOverview().get(jobManagers.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return overview.getNumTaskManagersConnected();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("JobManager not ready yet", e);
            return null;
        }
    }

    private String notStartedInTime(QueueView queueAtStart, ClusterSpecification specification) {
        QueueView queue = queues.listQueues().stream()
                .filter(q -> q.path().equals(queueAtStart.path()))
                .findFirst()
                .orElse(queueAtStart);
        return "YARN did not start the cluster within " + deployTimeout.toSeconds() + "s and it was killed: queue '"
                + queue.name() + "' has " + queue.availableMemoryMb() + " MB available, " + queue.pendingMemoryMb()
                + " MB pending, and the JobManager needs " + specification.getMasterMemoryMB()
                + " MB; free resources there, pick another queue with --queue, or raise ferry.deploy.timeout";
    }

    /** The first line of every cause, plus YARN's diagnostics, which Flink puts on a later line. */
    private static String deployFailure(Throwable error) {
        StringBuilder reasons = new StringBuilder();
        String diagnostics = "";
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            String line = FerryException.firstLine(message);
            if (!reasons.toString().contains(line)) {
                reasons.append(reasons.length() == 0 ? "" : ": ").append(line);
            }
            diagnostics = message.lines()
                    .filter(l -> l.startsWith(YARN_DIAGNOSTICS))
                    .map(l -> l.substring(YARN_DIAGNOSTICS.length()).trim())
                    .findFirst()
                    .orElse(diagnostics);
        }
        if (!diagnostics.isEmpty()) {
            reasons.append(" YARN says: ").append(abbreviate(diagnostics, 400));
        }
        return reasons.length() == 0 ? error.getClass().getSimpleName() : reasons.toString();
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
