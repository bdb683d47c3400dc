package dev.ferry.sandbox.cluster;

/** Fixed ResourceManager ports, for a sandbox whose addresses survive restarts. */
public record YarnPorts(int resourceManager, int scheduler, int resourceTracker, int admin, int web) {}
