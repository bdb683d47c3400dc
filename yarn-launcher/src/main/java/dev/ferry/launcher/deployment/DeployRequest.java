package dev.ferry.launcher.deployment;

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
 * @param stagedLibraries whether the cluster uses Flink's libraries staged on the cluster file system
 */
public record DeployRequest(
        ClusterName name,
        QueueView queue,
        Configuration flinkConfig,
        ClusterSpecification sizing,
        String deployId,
        boolean stagedLibraries) {}
