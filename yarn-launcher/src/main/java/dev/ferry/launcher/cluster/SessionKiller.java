package dev.ferry.launcher.cluster;

import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.EndedClusterCleanup;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.time.Duration;
import java.util.List;

/** Ends a cluster at once through YARN, without savepoints: the operator's last resort. */
public final class SessionKiller {

    private final YarnCluster yarn;
    private final ClusterObserver observer;
    private final Duration timeout;
    private final EndedClusterCleanup cleanup;
    private final ClusterCoordination coordination;

    public SessionKiller(
            YarnCluster yarn,
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
        long deadline = Answers.deadline(timeout);
        yarn.kill(report.getApplicationId());
        YarnApplicationState state =
                ApplicationWaiter.awaitEnded(yarn, report.getApplicationId(), deadline, "Kill did not finish in time");
        String id = report.getApplicationId().toString();
        coordination.unregistered(name);
        return new StoppedCluster(name, id, state.name(), List.of(), cleanup.cleanUp(id));
    }
}
