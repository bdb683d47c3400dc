package dev.ferry.launcher.deployment;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.QueueView;
import dev.ferry.launcher.yarn.YarnConnection;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.yarn.YarnClientYarnClusterInformationRetriever;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@link YarnClusterDescriptor} deploy call (session, application or per-job) within a
 * deadline. A timeout, a failure or an interrupt kills the application through its
 * {@link OrphanGuard}, and the error says why in the operator's terms (queue, memory, YARN's
 * diagnostics).
 */
final class DescriptorDeploy {

    private static final String YARN_DIAGNOSTICS = "Diagnostics from YARN:";

    private final YarnConnection yarn;
    private final QueueInspector queues;
    private final Duration deployTimeout;

    DescriptorDeploy(YarnConnection yarn, Duration deployTimeout) {
        this.yarn = yarn;
        this.queues = new QueueInspector(yarn.client());
        this.deployTimeout = deployTimeout;
    }

    /** Deploys and returns the application's report once YARN runs its JobManager. */
    ApplicationReport run(
            Configuration flinkConfig,
            DeployCall call,
            ClusterSpecification specification,
            long deadline,
            QueueView queue,
            OrphanGuard guard) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ferry-deploy");
            t.setDaemon(true);
            return t;
        });
        YarnClusterDescriptor descriptor = new YarnClusterDescriptor(
                flinkConfig,
                yarn.configuration(),
                yarn.client(),
                YarnClientYarnClusterInformationRetriever.create(yarn.client()),
                true);
        Future<ClusterClientProvider<ApplicationId>> deploy = executor.submit(() -> call.deploy(descriptor));
        try {
            ClusterClientProvider<ApplicationId> provider = deploy.get(remaining(deadline), TimeUnit.NANOSECONDS);
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
                throw interrupted(guard, e.getCause());
            }
            throw new FerryException(
                    ExitCode.FAILURE,
                    "YARN did not start the cluster: " + deployFailure(e.getCause())
                            + " (the JobManager's own log: 'yarn logs -applicationId "
                            + guard.applicationIdOrPlaceholder() + "')",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guard.killNow();
            throw interrupted(guard, e);
        } catch (Exception e) {
            guard.killNow();
            throw new FerryException(ExitCode.FAILURE, "Deploy failed: " + e.getMessage(), e);
        } finally {
            executor.shutdownNow();
            descriptor.close();
        }
    }

    static FerryException interrupted(OrphanGuard guard, Throwable cause) {
        return new FerryException(
                ExitCode.FAILURE,
                guard.applicationId()
                        .map(id -> "Deploy interrupted; application " + id + " was killed")
                        .orElse("Deploy interrupted before YARN had accepted an application; none was started"),
                cause);
    }

    static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    Duration timeout() {
        return deployTimeout;
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
}
