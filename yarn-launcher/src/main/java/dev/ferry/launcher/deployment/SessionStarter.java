package dev.ferry.launcher.deployment;

import dev.ferry.launcher.FerryVersion;
import dev.ferry.launcher.coordination.ClusterCoordination;
import dev.ferry.launcher.coordination.RegisteredCluster;
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
    private final ClusterDeployer deployer;
    private final ClusterCoordination coordination;

    public SessionStarter(
            QueueInspector queues,
            SessionConfigurationFactory configurations,
            DistStager stager,
            ClusterDeployer deployer,
            ClusterCoordination coordination) {
        this.queues = queues;
        this.configurations = configurations;
        this.stager = stager;
        this.deployer = deployer;
        this.coordination = coordination;
    }

    /** Deploys; {@link SessionConfigurationFactory#validate} has checked the spec already. */
    public DeployedCluster start(SessionSpec spec) {
        String deployId = ClusterDeployer.newDeployId();
        ClusterSpecification sizing =
                configurations.clusterSpecification(configurations.create(spec, Optional.empty(), deployId));
        QueueView queue = queues.requireUsableLeafQueue(configurations.queueFor(spec));
        Optional<StagedDist> staged = stager.find();
        Configuration config = configurations.create(spec, staged, deployId);
        // The lock makes "is the name free?" and the deploy one step for every gateway.
        return coordination.underNameLock(spec.name().value(), () -> {
            DeployedCluster cluster = deployer.deploy(
                    spec.name(), queue, config, sizing, deployId, configurations.minTaskManagersFor(spec), staged.isPresent());
            coordination.registered(new RegisteredCluster(
                    cluster.name(), cluster.applicationId(), "session", cluster.queue(),
                    System.getProperty("user.name"), cluster.webUrl(), FerryVersion.current()));
            return cluster;
        });
    }
}
