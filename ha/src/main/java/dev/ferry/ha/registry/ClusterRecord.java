package dev.ferry.ha.registry;

import dev.ferry.ha.HaNames;

import java.time.Instant;
import java.util.Objects;

/**
 * What Ferry knows about one cluster it started.
 *
 * @param haClusterId Flink's {@code high-availability.cluster-id}: the cluster's znodes are under
 *     {@code <high-availability.zookeeper.path.root>/<haClusterId>}
 */
public record ClusterRecord(
        String name,
        String applicationId,
        String mode,
        String queue,
        String user,
        Instant createdAt,
        String haClusterId,
        String restUrl,
        String ferryVersion) {

    public ClusterRecord {
        HaNames.check("cluster", name);
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ClusterRecord withApplicationId(String newApplicationId) {
        return new ClusterRecord(
                name, newApplicationId, mode, queue, user, createdAt, haClusterId, restUrl, ferryVersion);
    }

    public ClusterRecord withRestUrl(String newRestUrl) {
        return new ClusterRecord(
                name, applicationId, mode, queue, user, createdAt, haClusterId, newRestUrl, ferryVersion);
    }
}
