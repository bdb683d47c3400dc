package dev.ferry.launcher.cli;

import org.apache.flink.configuration.MemorySize;
import picocli.CommandLine.Option;

import java.util.Optional;

/** Where a cluster runs and how big it is: shared by the commands that deploy one. */
public final class ClusterSizeOptions {

    @Option(names = "--queue", paramLabel = "QUEUE", description = "YARN leaf queue (default: ferry.yarn.queue)")
    private String queue;

    @Option(names = "--jm-memory", paramLabel = "SIZE", description = "JobManager process memory, e.g. 1024m")
    private MemorySize jobManagerMemory;

    @Option(names = "--tm-memory", paramLabel = "SIZE", description = "TaskManager process memory, e.g. 1728m")
    private MemorySize taskManagerMemory;

    @Option(names = "--slots", paramLabel = "N", description = "Task slots per TaskManager")
    private Integer slots;

    public Optional<String> queue() {
        return Optional.ofNullable(queue);
    }

    public Optional<MemorySize> jobManagerMemory() {
        return Optional.ofNullable(jobManagerMemory);
    }

    public Optional<MemorySize> taskManagerMemory() {
        return Optional.ofNullable(taskManagerMemory);
    }

    public Optional<Integer> slots() {
        return Optional.ofNullable(slots);
    }
}
