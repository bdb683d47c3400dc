package dev.ferry.launcher.jobs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scaled vertices as Flink's {@code pipeline.jobvertex-parallelism-overrides}: Flink's dispatcher
 * gives each vertex of that id the parallelism named when it accepts a job, from the job's
 * configuration (session jobs) or the cluster's (application clusters), whoever built the graph.
 */
final class ParallelismOverrides {

    private ParallelismOverrides() {}

    /** The Flink settings that run the vertices at {@code parallelism}; none for no vertex. */
    static Map<String, String> asSettings(Map<String, Integer> parallelism) {
        if (parallelism.isEmpty()) {
            return Map.of();
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        parallelism.forEach((vertex, p) -> overrides.put(vertex, String.valueOf(p)));
        Configuration settings = new Configuration();
        settings.set(PipelineOptions.PARALLELISM_OVERRIDES, overrides);
        return settings.toMap();
    }
}
