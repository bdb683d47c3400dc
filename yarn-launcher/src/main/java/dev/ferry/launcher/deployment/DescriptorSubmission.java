package dev.ferry.launcher.deployment;

import dev.ferry.launcher.yarn.YarnConnection;

import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.yarn.YarnClientYarnClusterInformationRetriever;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.util.function.Supplier;

/** {@link YarnSubmission} with Flink's {@link YarnClusterDescriptor} on this command's YARN connection. */
public final class DescriptorSubmission implements YarnSubmission {

    private final Supplier<YarnConnection> yarn;

    public DescriptorSubmission(Supplier<YarnConnection> yarn) {
        this.yarn = yarn;
    }

    @Override
    public ApplicationId submit(Configuration flinkConfig, DeployCall call) throws Exception {
        YarnConnection connection = yarn.get();
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(
                flinkConfig,
                connection.configuration(),
                connection.client(),
                YarnClientYarnClusterInformationRetriever.create(connection.client()),
                true)) {
            ClusterClientProvider<ApplicationId> provider = call.deploy(descriptor);
            try (ClusterClient<ApplicationId> client = provider.getClusterClient()) {
                return client.getClusterId();
            }
        }
    }
}
