package dev.ferry.launcher.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A jar job to run in a session. Empty values fall back to the jar's manifest and the configuration. */
public record JarJobRequest(
        String session,
        Path jar,
        Optional<String> entryClass,
        Optional<Integer> parallelism,
        Optional<String> jobName,
        List<String> arguments,
        boolean detached,
        Optional<String> restorePath) {

    public JarJobRequest {
        arguments = List.copyOf(arguments);
    }
}
