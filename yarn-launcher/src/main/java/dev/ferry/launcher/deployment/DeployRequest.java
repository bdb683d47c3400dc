package dev.ferry.launcher.deployment;

import dev.ferry.launcher.staging.DeployLibraries;
import dev.ferry.launcher.yarn.QueueView;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;

/**
 * One cluster to deploy, as {@link ClusterStarter} prepared it for {@link ClusterDeployer}.
 *
 * @param queue the leaf queue, already checked usable
 * @param flinkConfig the whole configuration of the cluster's Flink processes
 * @param sizing the container sizes derived from {@code flinkConfig}
 * @param deployId the tag that finds the application again, even if the deploy is cut short
 * @param libraries the staged libraries the cluster uses, or why it ships them
 */
public record DeployRequest(
        ClusterName name,
        QueueView queue,
        Configuration flinkConfig,
        ClusterSpecification sizing,
        String deployId,
        DeployLibraries libraries) {}
