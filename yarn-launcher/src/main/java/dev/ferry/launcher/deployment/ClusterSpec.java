package dev.ferry.launcher.deployment;

import org.apache.flink.configuration.MemorySize;

import java.util.Optional;

/**
 * What an operator asked for when starting a cluster: a session, or a job's own cluster. Empty
 * values fall back to the configuration files and {@code -D} flags.
 */
public record ClusterSpec(
        ClusterName name,
        Optional<String> queue,
        Optional<MemorySize> jobManagerMemory,
        Optional<MemorySize> taskManagerMemory,
        Optional<Integer> slotsPerTaskManager,
        Optional<Integer> minTaskManagers) {}
