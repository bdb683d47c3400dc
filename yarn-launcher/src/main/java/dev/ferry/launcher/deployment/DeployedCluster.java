package dev.ferry.launcher.deployment;

import java.time.Duration;

/** A cluster that is up: its REST API answers and its minimum TaskManagers have registered. */
public record DeployedCluster(
        String name,
        String applicationId,
        String queue,
        String webUrl,
        int taskManagers,
        boolean usedStagedLibraries,
        Duration startupTime) {}
