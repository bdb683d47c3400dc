package dev.ferry.launcher.health;

import dev.ferry.launcher.yarn.ContainerView;

import java.util.List;

/** A job's health and where it runs: Ferry's name for it, its cluster, and that cluster's containers. */
public record InspectedJob(
        String name, String cluster, String applicationId, JobHealth health, List<ContainerView> containers) {

    public InspectedJob {
        containers = List.copyOf(containers);
    }
}
