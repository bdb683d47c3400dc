package dev.ferry.ha.cleanup;

import java.util.Set;

/**
 * Flink's {@code high-availability.storageDir}, seen per cluster id. An implementation covers both places
 * Flink 1.20 writes a cluster's data: {@code <storageDir>/<cluster-id>/} and
 * {@code <storageDir>/job-result-store/<cluster-id>/}. The launcher implements it over Hadoop's FileSystem.
 */
public interface HaStorage {

    /** The cluster ids that have data in the storage dir. */
    Set<String> list();

    /** Bytes held for {@code clusterId} (0 when there is nothing). */
    long sizeOf(String clusterId);

    /** Deletes everything held for {@code clusterId}; deleting nothing is not an error. */
    void delete(String clusterId);
}
