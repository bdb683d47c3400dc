package dev.ferry.launcher.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A jar program to build a JobGraph from. Empty values fall back to the jar's manifest and the configuration. */
public record JarJobRequest(
        Path jar,
        Optional<String> entryClass,
        Optional<Integer> parallelism,
        Optional<String> jobName,
        List<String> arguments,
        Optional<String> restorePath) {

    public JarJobRequest {
        arguments = List.copyOf(arguments);
    }
}
