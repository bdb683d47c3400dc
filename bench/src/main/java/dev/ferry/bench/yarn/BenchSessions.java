package dev.ferry.bench.yarn;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.SessionKiller;
import dev.ferry.launcher.deployment.ClusterConfigurationFactory;
import dev.ferry.launcher.deployment.ClusterDeployer;
import dev.ferry.launcher.deployment.ClusterName;
import dev.ferry.launcher.deployment.ClusterSpec;
import dev.ferry.launcher.deployment.ClusterStarter;
import dev.ferry.launcher.deployment.DelegationTokens;
import dev.ferry.launcher.deployment.DeployRequest;
import dev.ferry.launcher.deployment.DeployedCluster;
import dev.ferry.launcher.staging.DeployLibraries;
import dev.ferry.launcher.staging.DistStager;
import dev.ferry.launcher.staging.StagedDist;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.QueueView;
import dev.ferry.launcher.yarn.UninterruptedCall;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ResourceManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts and kills the benches' sessions. Both sides go through the same deployer and readiness
 * wait ({@link ClusterDeployer}: Flink's YarnClusterDescriptor, then the REST API polled every
 * 200 ms): only the configuration differs, Ferry's (staged libraries, Ferry's defaults) or
 * stock Flink's.
 */
public final class BenchSessions {

    private static final Logger LOG = LoggerFactory.getLogger(BenchSessions.class);

    private final ClusterStarter ferry;
    private final ClusterDeployer deployer;
    private final ClusterConfigurationFactory configurations;
    private final StockFlinkConfiguration stock;
    private final QueueInspector queues;
    private final ClusterObserver observer;
    private final SessionKiller killer;
    private final DistStager stager;
    private final DelegationTokens tokens;

    public BenchSessions(
            ClusterStarter ferry,
            ClusterDeployer deployer,
            ClusterConfigurationFactory configurations,
            StockFlinkConfiguration stock,
            QueueInspector queues,
            ClusterObserver observer,
            SessionKiller killer,
            DistStager stager,
            DelegationTokens tokens) {
        this.ferry = ferry;
        this.deployer = deployer;
        this.configurations = configurations;
        this.stock = stock;
        this.queues = queues;
        this.observer = observer;
        this.killer = killer;
        this.stager = stager;
        this.tokens = tokens;
    }

    /**
     * Stages Ferry's libraries unless this build already is: once per build, not per deploy, so
     * it is done before any clock runs, as an operator would ('ferry dist upload').
     */
    public void stageFerry() {
        stager.upload();
    }

    /** What 'ferry session start' does, with {@code minTaskManagers} or Ferry's default. */
    public DeployedCluster startFerry(ClusterName name, Optional<String> queue, Optional<Integer> minTaskManagers) {
        return ferry.startSession(spec(name, queue, minTaskManagers));
    }

    /**
     * A session configured as 'ferry session start' would (staged libraries, Ferry's defaults,
     * {@code minTaskManagers} or Ferry's default), then changed by {@code adjust}: the failover
     * bench's stock HA settings, the Nexmark bench's shipped source. Not registered under a name
     * lock: bench sessions have names of their own.
     */
    public DeployedCluster startFerryWith(
            ClusterName name,
            Optional<String> queue,
            Optional<Integer> minTaskManagers,
            Consumer<Configuration> adjust) {
        ClusterSpec spec = spec(name, queue, minTaskManagers);
        QueueView queueView = queues.requireUsableLeafQueue(configurations.queueFor(spec));
        Optional<StagedDist> staged = stager.find();
        String deployId = ClusterDeployer.newDeployId();
        Configuration config = configurations.create(spec, staged, deployId);
        tokens.apply(config);
        adjust.accept(config);
        return deploy(
                name,
                queueView,
                config,
                deployId,
                configurations.minTaskManagersFor(spec),
                staged.map(DeployLibraries::found).orElse(DeployLibraries.shipped("shipped from lib/")),
                configurations.warmUpFor(spec));
    }

    /** A stock Flink session: ready when its REST API answers (it starts no TaskManager). */
    public DeployedCluster startStock(ClusterName name, Optional<String> queue) {
        return startStock(name, queue, 0, config -> {});
    }

    /**
     * A stock Flink session that keeps {@code taskManagers} TaskManagers (Flink's own
     * slotmanager.number-of-slots.min, one slot each), ready once they have registered: for a
     * bench of job throughput rather than of container starts. {@code adjust} changes what the
     * bench needs beyond stock, e.g. a jar to ship.
     */
    public DeployedCluster startStock(
            ClusterName name, Optional<String> queue, int taskManagers, Consumer<Configuration> adjust) {
        String queueName = configurations.queueFor(spec(name, queue, Optional.empty()));
        QueueView queueView = queues.requireUsableLeafQueue(queueName);
        String deployId = ClusterDeployer.newDeployId();
        Configuration config = stock.session(name, queueName, deployId);
        if (taskManagers > 0) {
            config.set(
                    ResourceManagerOptions.MIN_SLOT_NUM, taskManagers * config.get(TaskManagerOptions.NUM_TASK_SLOTS));
        }
        adjust.accept(config);
        return deploy(name, queueView, config, deployId, taskManagers, DeployLibraries.shipped("stock"), false);
    }

    /** Both sides' deploy and readiness wait: Flink's YarnClusterDescriptor, then the REST API polled. */
    private DeployedCluster deploy(
            ClusterName name,
            QueueView queue,
            Configuration config,
            String deployId,
            int minTaskManagers,
            DeployLibraries libraries,
            boolean warmUp) {
        DeployRequest request = new DeployRequest(
                name, queue, config, configurations.clusterSpecification(config), deployId, libraries);
        return deployer.deploySession(request, minTaskManagers, warmUp);
    }

    public ApplicationReport report(ClusterName name) {
        return observer.requireLive(name.value());
    }

    /**
     * Kills the session and waits until YARN has ended it, so the next run has the machine alone;
     * also after Ctrl-C, when the bench's thread is interrupted.
     */
    public void kill(ClusterName name) {
        try {
            UninterruptedCall.run(() -> killer.kill(name.value()));
        } catch (RuntimeException e) {
            LOG.warn("Could not kill bench session {}", name, e);
        }
    }

    private static ClusterSpec spec(ClusterName name, Optional<String> queue, Optional<Integer> minTaskManagers) {
        return new ClusterSpec(name, queue, Optional.empty(), Optional.empty(), Optional.empty(), minTaskManagers);
    }
}
