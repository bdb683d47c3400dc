package dev.ferry.bench.yarn;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.SignalContainerCommand;
import org.apache.hadoop.yarn.client.api.YarnClient;

/**
 * SIGKILL to an application's current JobManager container, through YARN: the ResourceManager
 * hands the signal to the container's NodeManager (on its next heartbeat), which kills the JVM.
 * No shutdown hook, no graceful release of leadership: the way a JobManager really dies. Works
 * on any cluster for the application's owner or an admin; no shell on the node is needed.
 */
public final class JobManagerKiller {

    private final YarnClient yarn;

    public JobManagerKiller(YarnClient yarn) {
        this.yarn = yarn;
    }

    /** Signals the current attempt's JobManager container; returns its attempt number. */
    public int kill(ApplicationId application) {
        try {
            var attempt = yarn.getApplicationReport(application).getCurrentApplicationAttemptId();
            ContainerId container = yarn.getApplicationAttemptReport(attempt).getAMContainerId();
            yarn.signalToContainer(container, SignalContainerCommand.FORCEFUL_SHUTDOWN);
            return attempt.getAttemptId();
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Cannot kill the JobManager of " + application + ": " + FerryException.rootCauseMessage(e),
                    e);
        }
    }
}
