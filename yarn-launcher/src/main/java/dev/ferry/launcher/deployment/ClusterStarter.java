package dev.ferry.launcher.deployment;

import dev.ferry.launcher.configuration.FerryVersion;
import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.RegisteredCluster;
import dev.ferry.launcher.staging.DeployLibraries;
import dev.ferry.launcher.staging.DistStager;
import dev.ferry.launcher.staging.StagedDist;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.QueueView;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;

import java.util.Optional;

/**
 * Starts a cluster (a session, or a job's own cluster): checks the queue and the name, then
 * deploys with this build's staged libraries (staging them on its first deploy), and registers it.
 */
public final class ClusterStarter {

    private final QueueInspector queues;
    private final ClusterConfigurationFactory configurations;
    private final DistStager stager;
    private final ClusterDeployer deployer;
    private final ClusterCoordination coordination;
    private final DelegationTokens tokens;
    private final boolean autoStage;

    public ClusterStarter(
            QueueInspector queues,
            ClusterConfigurationFactory configurations,
            DistStager stager,
            ClusterDeployer deployer,
            ClusterCoordination coordination,
            DelegationTokens tokens,
            boolean autoStage) {
        this.queues = queues;
        this.configurations = configurations;
        this.stager = stager;
        this.deployer = deployer;
        this.coordination = coordination;
        this.tokens = tokens;
        this.autoStage = autoStage;
    }

    /** Deploys a session; {@link ClusterConfigurationFactory#validate} has checked the spec already. */
    public DeployedCluster startSession(ClusterSpec spec) {
        return start(spec, ClusterMode.SESSION, null);
    }

    /** Deploys a cluster of {@code mode} that runs {@code program} and ends with it. */
    public DeployedCluster startJobCluster(ClusterSpec spec, ClusterMode mode, ClusterProgram program) {
        return start(spec, mode, program);
    }

    private DeployedCluster start(ClusterSpec spec, ClusterMode mode, ClusterProgram program) {
        configurations.validate(spec);
        String deployId = ClusterDeployer.newDeployId();
        ClusterSpecification sizing =
                configurations.clusterSpecification(configurations.create(spec, mode, Optional.empty(), deployId));
        QueueView queue = queues.requireUsableLeafQueue(configurations.queueFor(spec));
        DeployLibraries libraries = stager.forDeploy(autoStage);
        Optional<StagedDist> staged = libraries.staged();
        Configuration config = configurations.create(spec, mode, staged, deployId);
        tokens.apply(config);
        DeployCall call = program == null ? null : program.apply(config, sizing);
        DeployRequest request = new DeployRequest(spec.name(), queue, config, sizing, deployId, libraries);
        // The lock makes "is the name free?" and the deploy one step for every gateway.
        return coordination.underNameLock(spec.name().value(), () -> {
            DeployedCluster cluster = call == null
                    ? deployer.deploySession(
                            request, configurations.minTaskManagersFor(spec), configurations.warmUpFor(spec))
                    : deployer.deployJobCluster(request, call);
            coordination.registered(new RegisteredCluster(
                    cluster.name(),
                    cluster.applicationId(),
                    mode.tag(),
                    cluster.queue(),
                    System.getProperty("user.name"),
                    cluster.webUrl(),
                    FerryVersion.current()));
            return cluster;
        });
    }
}
