package dev.ferry.hive.browse;

/**
 * How and where a table's files are stored; empty strings where the metastore has nothing
 * (generic Flink tables, views).
 *
 * @param inputFormat Hadoop InputFormat class
 * @param outputFormat Hadoop OutputFormat class
 * @param serde SerDe class
 * @param location table directory URI
 */
public record StorageFormat(String inputFormat, String outputFormat, String serde, String location) {}
