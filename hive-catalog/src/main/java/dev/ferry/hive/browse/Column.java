package dev.ferry.hive.browse;

/**
 * A column as the metastore stores it.
 *
 * @param name column name
 * @param type Hive type name, e.g. {@code string}, {@code decimal(10,2)}
 * @param comment column comment, empty if none
 */
public record Column(String name, String type, String comment) {}
