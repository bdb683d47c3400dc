package dev.ferry.launcher.ha;

/** What the registry keeps about a started cluster. */
public record RegisteredCluster(
        String name,
        String applicationId,
        String mode,
        String queue,
        String user,
        String restUrl,
        String ferryVersion) {}
