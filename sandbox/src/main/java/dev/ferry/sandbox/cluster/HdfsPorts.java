package dev.ferry.sandbox.cluster;

/** Fixed NameNode ports, for a sandbox whose addresses survive restarts. */
public record HdfsPorts(int nameNodeRpc, int nameNodeHttp) {}
