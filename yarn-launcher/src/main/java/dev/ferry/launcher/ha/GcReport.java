package dev.ferry.launcher.ha;

import dev.ferry.ha.cleanup.CleanupReport;

import java.util.List;

/**
 * What {@code ferry ha gc} did: Flink's HA data of dead clusters, and the registry entries that
 * still named a dead application (removed, or in a dry run, would be).
 */
public record GcReport(CleanupReport haData, List<RegistryEntry> staleRegistryEntries) {

    public GcReport {
        staleRegistryEntries = List.copyOf(staleRegistryEntries);
    }
}
