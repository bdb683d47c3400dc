package dev.ferry.launcher.cluster;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.coordination.ClusterCoordination;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

import java.time.Duration;
import java.util.List;

/** Ends a cluster at once through YARN, without savepoints: the operator's last resort. */
public final class SessionKiller {

    private final YarnClient yarn;
    private final ClusterObserver observer;
    private final Duration timeout;
    private final EndedClusterCleanup cleanup;
    private final ClusterCoordination coordination;

    public SessionKiller(
            YarnClient yarn,
            ClusterObserver observer,
            Duration timeout,
            EndedClusterCleanup cleanup,
            ClusterCoordination coordination) {
        this.yarn = yarn;
        this.observer = observer;
        this.timeout = timeout;
        this.cleanup = cleanup;
        this.coordination = coordination;
    }

    public StoppedCluster kill(String name) {
        return coordination.underNameLock(name, () -> killLocked(name));
    }

    private StoppedCluster killLocked(String name) {
        ApplicationReport report = observer.requireLive(name);
        long deadline = ApplicationWaiter.deadline(timeout);
        try {
            yarn.killApplication(report.getApplicationId());
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.FAILURE, "YARN refused to kill " + report.getApplicationId() + ": " + e.getMessage(), e);
        }
        var state =
                ApplicationWaiter.awaitEnded(yarn, report.getApplicationId(), deadline, "Kill did not finish in time");
        String id = report.getApplicationId().toString();
        coordination.unregistered(name);
        return new StoppedCluster(name, id, state.name(), List.of(), cleanup.cleanUp(id));
    }
}
