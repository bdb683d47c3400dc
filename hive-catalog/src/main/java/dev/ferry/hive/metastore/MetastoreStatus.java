package dev.ferry.hive.metastore;

import java.time.Duration;

/**
 * A metastore that answered.
 *
 * @param uri the URI(s) from hive-site.xml
 * @param databaseCount how many databases it lists
 * @param latency connect plus one call
 */
public record MetastoreStatus(String uri, int databaseCount, Duration latency) {}
