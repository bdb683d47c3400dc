package dev.ferry.hive.browse;

import java.util.List;

/**
 * The partitions of a table.
 *
 * @param count how many there are
 * @param firstNames the first few names, e.g. {@code dt=2024-01-01/country=de}, in metastore order
 */
public record Partitions(int count, List<String> firstNames) {

    public Partitions {
        firstNames = List.copyOf(firstNames);
    }
}
