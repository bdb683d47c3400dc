package dev.ferry.ha.failover;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.security.FlinkSecurityManager;
import org.apache.flink.runtime.blob.BlobUtils;
import org.apache.flink.runtime.highavailability.ClientHighAvailabilityServices;
import org.apache.flink.runtime.highavailability.HighAvailabilityServices;
import org.apache.flink.runtime.highavailability.HighAvailabilityServicesFactory;
import org.apache.flink.runtime.highavailability.zookeeper.CuratorFrameworkWithUnhandledErrorListener;
import org.apache.flink.runtime.highavailability.zookeeper.ZooKeeperClientHAServices;
import org.apache.flink.runtime.highavailability.zookeeper.ZooKeeperLeaderElectionHaServices;
import org.apache.flink.runtime.rpc.FatalErrorHandler;
import org.apache.flink.runtime.util.ZooKeeperUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Flink's ZooKeeper HA services, unchanged, except that the JobManager of a later YARN attempt
 * first fences its dead predecessor out of the leader latch ({@link PreviousLeaderFencer}).
 * Ferry deploys clusters with {@code high-availability.type} set to this class; setting it back to
 * {@code zookeeper} gives Flink's own behaviour. TaskManagers and clients use the same services
 * and never fence.
 */
public final class FencingZooKeeperHaServicesFactory implements HighAvailabilityServicesFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FencingZooKeeperHaServicesFactory.class);

    /** ClusterEntrypoint's and TaskManagerRunner's exit code for a runtime failure (theirs is not public). */
    private static final int RUNTIME_FAILURE_EXIT_CODE = 2;

    private final Map<String, String> environment;

    public FencingZooKeeperHaServicesFactory() {
        this(System.getenv());
    }

    FencingZooKeeperHaServicesFactory(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public HighAvailabilityServices createHAServices(Configuration configuration, Executor executor) throws Exception {
        CuratorFrameworkWithUnhandledErrorListener curator =
                ZooKeeperUtils.startCuratorFramework(configuration, FatalErrors.EXIT_PROCESS);
        try {
            fenceEarlierAttempts(curator);
            return new ZooKeeperLeaderElectionHaServices(
                    curator, configuration, executor, BlobUtils.createBlobStoreFromConfig(configuration));
        } catch (Exception e) {
            curator.close();
            throw e;
        }
    }

    private void fenceEarlierAttempts(CuratorFrameworkWithUnhandledErrorListener curator) throws Exception {
        Optional<ApplicationMasterAttempt> attempt = ApplicationMasterAttempt.fromEnvironment(environment);
        if (attempt.isPresent() && attempt.get().followsEarlierAttempt()) {
            LOG.info(
                    "JobManager of YARN attempt {} ({}): fencing the earlier attempt's leader",
                    attempt.get().attempt(),
                    attempt.get().containerId());
            new PreviousLeaderFencer(curator.asCuratorFramework()).fence();
        }
    }

    @Override
    public ClientHighAvailabilityServices createClientHAServices(Configuration configuration) {
        // Only leader retrieval: the default would also open the HA blob store in every client.
        return new ZooKeeperClientHAServices(
                ZooKeeperUtils.startCuratorFramework(configuration, FatalErrors.LOG_ONLY), configuration);
    }

    /** Curator's unhandled errors: fatal in a Flink process, as Flink's own entrypoints treat them. */
    private enum FatalErrors implements FatalErrorHandler {
        EXIT_PROCESS {
            @Override
            public void onFatalError(Throwable exception) {
                LOG.error("Fatal ZooKeeper error in the HA services; exiting", exception);
                FlinkSecurityManager.forceProcessExit(RUNTIME_FAILURE_EXIT_CODE);
            }
        },
        LOG_ONLY {
            @Override
            public void onFatalError(Throwable exception) {
                LOG.error("ZooKeeper error in a client's leader retrieval", exception);
            }
        }
    }
}
