package dev.ferry.bench.nexmark;

import org.apache.flink.configuration.Configuration;

import java.util.Map;

/**
 * A configuration under test.
 *
 * @param id "A" or "B"
 * @param label what it is, e.g. "Ferry defaults"
 * @param options the job's configuration beyond what both variants share
 */
public record Variant(String id, String label, Map<String, String> options) {

    public Variant {
        options = Map.copyOf(options);
    }

    Configuration configuration() {
        return Configuration.fromMap(options);
    }
}
