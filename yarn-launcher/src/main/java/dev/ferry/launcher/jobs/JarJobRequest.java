package dev.ferry.launcher.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A jar program to build a JobGraph from. Empty values fall back to the jar's manifest and the configuration.
 *
 * @param flinkSettings Flink settings of this job only, over the gateway's configuration (e.g. the
 *     parallelism of vertices scaled since the job was submitted)
 */
public record JarJobRequest(
        Path jar,
        Optional<String> entryClass,
        Optional<Integer> parallelism,
        Optional<String> jobName,
        List<String> arguments,
        Optional<String> restorePath,
        Map<String, String> flinkSettings) {

    public JarJobRequest {
        arguments = List.copyOf(arguments);
        flinkSettings = Map.copyOf(flinkSettings);
    }
}
