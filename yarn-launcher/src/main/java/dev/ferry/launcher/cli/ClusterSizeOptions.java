package dev.ferry.launcher.cli;

import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.jobs.record.JobPlacement;

import org.apache.flink.configuration.MemorySize;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.Optional;

/** Where a cluster runs and how big it is: shared by the commands that deploy one. */
public final class ClusterSizeOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

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

    /** The slots per TaskManager; a value below 1 is a usage error of the command. */
    public Optional<Integer> slots() {
        return PositiveOption.of(command.commandLine(), "--slots", slots);
    }

    /** Whether any of these options was given. */
    public boolean given() {
        return queue != null || jobManagerMemory != null || taskManagerMemory != null || slots != null;
    }

    /** A job's own cluster of {@code mode}, sized by these options, with the command's Flink {@code -D} settings. */
    public JobPlacement ownCluster(ClusterMode mode, Map<String, String> flinkSettings) {
        return new JobPlacement(
                mode.tag(),
                null,
                queue().orElse(null),
                jobManagerMemory().map(Object::toString).orElse(null),
                taskManagerMemory().map(Object::toString).orElse(null),
                slots().orElse(null),
                flinkSettings);
    }
}
