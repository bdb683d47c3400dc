package dev.ferry.launcher.rest;

/**
 * One vertex (a chain of operators) of a running job, as its scheduler runs it now.
 *
 * @param id Flink's vertex id (hex), stable across runs of the same program
 * @param maxParallelism the most it can run at: the number of key groups of its keyed state
 */
public record RunningVertex(String id, String name, int parallelism, int maxParallelism) {}
