package dev.ferry.bench.nexmark;

import org.apache.flink.configuration.Configuration;

import java.util.Map;

/**
 * A configuration under test.
 *
 * @param id "A" or "B"
 * @param label what it is, e.g. "Ferry defaults"
 * @param options the job's configuration beyond what both variants share
 * @param clusterOptions settings of the cluster the variant's jobs run on, which a job cannot carry
 *     (a metrics reporter); a local bench starts a MiniCluster per distinct set
 */
public record Variant(String id, String label, Map<String, String> options, Map<String, String> clusterOptions) {

    public Variant {
        options = Map.copyOf(options);
        clusterOptions = Map.copyOf(clusterOptions);
    }

    /** A variant whose jobs run on a cluster both variants share. */
    public Variant(String id, String label, Map<String, String> options) {
        this(id, label, options, Map.of());
    }

    Configuration configuration() {
        return Configuration.fromMap(options);
    }
}
