package dev.ferry.launcher.deployment;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;

/** The one program a job cluster runs: it adds itself to the cluster's configuration and says how to deploy. */
@FunctionalInterface
public interface ClusterProgram {
    DeployCall apply(Configuration config, ClusterSpecification sizing);
}
