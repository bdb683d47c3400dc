package dev.ferry.launcher.deployment;

import dev.ferry.launcher.staging.DistStager;
import dev.ferry.launcher.staging.StagedDist;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.QueueView;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;

import java.util.Optional;

/**
 * Starts a session: checks the queue and the name, then deploys with staged libraries when this build has been uploaded.
 */
public final class SessionStarter {

    private final QueueInspector queues;
    private final SessionConfigurationFactory configurations;
    private final DistStager stager;
    private final SessionDeployer deployer;

    public SessionStarter(
            QueueInspector queues,
            SessionConfigurationFactory configurations,
            DistStager stager,
            SessionDeployer deployer) {
        this.queues = queues;
        this.configurations = configurations;
        this.stager = stager;
        this.deployer = deployer;
    }

    /** Deploys; {@link SessionConfigurationFactory#validate} has checked the spec already. */
    public DeployedCluster start(SessionSpec spec) {
        String deployId = SessionDeployer.newDeployId();
        ClusterSpecification sizing =
                configurations.clusterSpecification(configurations.create(spec, Optional.empty(), deployId));
        QueueView queue = queues.requireUsableLeafQueue(configurations.queueFor(spec));
        Optional<StagedDist> staged = stager.find();
        Configuration config = configurations.create(spec, staged, deployId);
        return deployer.deploy(
                spec.name(), queue, config, sizing, deployId, configurations.minTaskManagersFor(spec), staged.isPresent());
    }
}
