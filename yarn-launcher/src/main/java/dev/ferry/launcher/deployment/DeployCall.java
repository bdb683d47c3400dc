package dev.ferry.launcher.deployment;

import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/** The descriptor call a deploy makes, e.g. {@code d -> d.deployApplicationCluster(spec, program)}. */
@FunctionalInterface
public interface DeployCall {
    ClusterClientProvider<ApplicationId> deploy(YarnClusterDescriptor descriptor) throws Exception;
}
