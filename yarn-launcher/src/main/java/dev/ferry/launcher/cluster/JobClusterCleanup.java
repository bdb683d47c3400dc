package dev.ferry.launcher.cluster;

import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.EndedClusterCleanup;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets a job's own cluster (application or per-job mode) once Ferry has stopped or cancelled
 * its job: when YARN reports the application ended, its registry entry and its HA data are
 * removed, as 'session stop' does for a session. Left in place, the entry would show the ended
 * cluster as stale in 'session list' until 'ferry ha gc'.
 */
public final class JobClusterCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(JobClusterCleanup.class);

    private final YarnCluster yarn;
    private final ClusterCoordination coordination;
    private final EndedClusterCleanup haData;

    public JobClusterCleanup(YarnCluster yarn, ClusterCoordination coordination, EndedClusterCleanup haData) {
        this.yarn = yarn;
        this.coordination = coordination;
        this.haData = haData;
    }

    /**
     * Waits until YARN reports {@code applicationId} ended, then forgets it.
     *
     * @param notEnded what the timeout error says happened, e.g. "The job stopped but its cluster did not end"
     */
    public void awaitEndedAndForget(
            String clusterName, ApplicationId applicationId, long deadlineNanos, String notEnded) {
        ApplicationWaiter.awaitEnded(yarn, applicationId, deadlineNanos, notEnded);
        // Only this application's entry: a newer start of the same name keeps its own.
        coordination.underNameLock(clusterName, () -> coordination.unregistered(clusterName, applicationId.toString()));
        // A graceful end removes the HA data itself; what is left (after a failover) goes now.
        LOG.info(
                "HA data of job cluster {} ({}): {}",
                clusterName,
                applicationId,
                haData.cleanUp(applicationId.toString()));
    }
}
