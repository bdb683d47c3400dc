package dev.ferry.sandbox.status;

/**
 * One service of the sandbox.
 *
 * @param name e.g. {@code hdfs}, {@code yarn}, {@code zookeeper}, {@code hive-metastore}
 * @param address how clients reach it, e.g. {@code hdfs://localhost:40123}
 * @param up whether its port accepted a connection when the status was taken
 */
public record ServiceStatus(String name, String address, boolean up) {}
