package dev.ferry.launcher.deployment;

import dev.ferry.launcher.staging.DeployLibraries;
import dev.ferry.launcher.yarn.ApplicationAttempts;

import java.time.Duration;

/**
 * A cluster that is up: its REST API answers and its minimum TaskManagers have registered.
 * {@code attempts}: the JobManager attempts it asked YARN for and those YARN grants.
 */
public record DeployedCluster(
        String name,
        String applicationId,
        String queue,
        String webUrl,
        int taskManagers,
        DeployLibraries libraries,
        Duration startupTime,
        ApplicationAttempts attempts) {

    public boolean usedStagedLibraries() {
        return libraries.isStaged();
    }
}
