package dev.ferry.launcher.ha;

import java.time.Instant;

/** One cluster as the shared registry remembers it: the application that last started under the name. */
public record RegistryEntry(
        String name,
        String applicationId,
        String mode,
        String queue,
        String user,
        String restUrl,
        String ferryVersion,
        Instant registeredAt) {}
