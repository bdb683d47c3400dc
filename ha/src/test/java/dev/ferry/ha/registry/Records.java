package dev.ferry.ha.registry;

import java.time.Instant;

/** Test records. */
final class Records {

    static final Instant CREATED = Instant.parse("2026-11-25T10:00:00Z");

    private Records() {}

    static ClusterRecord cluster(String name, String applicationId) {
        return new ClusterRecord(
                name,
                applicationId,
                "session",
                "default",
                "alice",
                CREATED,
                applicationId,
                "http://nm1:8081",
                "0.1.0-SNAPSHOT");
    }
}
