package dev.ferry.launcher.jobs;

import dev.ferry.launcher.jobs.record.JobPlacement;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A new jar job as an operator asked for it: into a session, or in a cluster of its own. */
public record JarJobSpec(
        Optional<String> name,
        Path jar,
        Optional<String> entryClass,
        List<String> arguments,
        Optional<Integer> parallelism,
        JobPlacement placement,
        Optional<String> restorePath,
        boolean detached) {

    public JarJobSpec {
        arguments = List.copyOf(arguments);
    }
}
