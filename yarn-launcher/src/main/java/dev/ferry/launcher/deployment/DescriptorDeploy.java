package dev.ferry.launcher.deployment;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.QueueView;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;
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
 * Runs one deploy call of Flink's {@code YarnClusterDescriptor} (session, application or per-job) within a
 * deadline. A timeout, a failure or an interrupt kills the application through its
 * {@link OrphanGuard}, and the error says why in the operator's terms (queue, memory, YARN's
 * diagnostics).
 */
final class DescriptorDeploy {

    private static final String YARN_DIAGNOSTICS = "Diagnostics from YARN:";

    private final YarnSubmission submission;
    private final YarnCluster yarn;
    private final QueueInspector queues;
    private final Duration deployTimeout;

    DescriptorDeploy(YarnSubmission submission, YarnCluster yarn, Duration deployTimeout) {
        this.submission = submission;
        this.yarn = yarn;
        this.queues = new QueueInspector(yarn);
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
        Future<ApplicationId> deploy = executor.submit(() -> submission.submit(flinkConfig, call));
        try {
            ApplicationId id = deploy.get(remaining(deadline), TimeUnit.NANOSECONDS);
            return yarn.application(id)
                    .orElseThrow(() -> new FerryException(
                            ExitCode.FAILURE, "YARN does not know the application it just started: " + id));
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
        } catch (FerryException e) {
            guard.killNow();
            throw e;
        } finally {
            executor.shutdownNow();
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
