package dev.ferry.bench.nexmark;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;

import java.net.URI;

/**
 * Where the bench runs each variant's jobs: one local MiniCluster for both ({@link LocalCluster}),
 * or a cluster per variant, such as a Ferry and a stock Flink session on YARN ({@link NexmarkSessions}).
 */
public interface NexmarkClusters extends AutoCloseable {

    /** What a client submits the variant's jobs with: the deployment target and its REST address. */
    Configuration clientConfiguration(Variant variant) throws Exception;

    /** q13's side-input file, where every TaskManager of every variant reads it. */
    URI sideInput();

    /** For results.md: where the jobs ran and what the clusters share, as one sentence. */
    String description();

    /** A client configuration that submits to the REST endpoint {@code rest} (a session's). */
    static Configuration remote(URI rest) {
        Configuration client = new Configuration();
        client.set(DeploymentOptions.TARGET, "remote");
        client.set(RestOptions.ADDRESS, rest.getHost());
        client.set(RestOptions.PORT, rest.getPort());
        return client;
    }
}
