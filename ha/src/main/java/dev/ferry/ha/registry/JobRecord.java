package dev.ferry.ha.registry;

import dev.ferry.ha.HaNames;
import java.time.Instant;
import java.util.Objects;

/** A named job of a cluster: what it runs and where it can be restored from. Savepoint/checkpoint may be null. */
public record JobRecord(
        String name,
        String artifact,
        String lastSavepoint,
        String lastCheckpoint,
        Instant updatedAt) {

    public JobRecord {
        HaNames.check("job", name);
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
