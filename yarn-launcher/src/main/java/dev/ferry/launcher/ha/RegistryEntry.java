package dev.ferry.launcher.ha;

import java.time.Instant;

/** One cluster as the shared registry remembers it: the application that last started under the name. */
public record RegistryEntry(RegisteredCluster cluster, Instant registeredAt) {

    public String name() {
        return cluster.name();
    }

    public String applicationId() {
        return cluster.applicationId();
    }
}
