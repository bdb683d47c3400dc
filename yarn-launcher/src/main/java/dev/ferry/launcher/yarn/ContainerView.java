package dev.ferry.launcher.yarn;

/**
 * One container of an application, in any attempt: where it ran, whether it is the JobManager
 * (the attempt's application master) or a TaskManager, and how it ended.
 *
 * @param nodeHttpAddress the NodeManager's web address, where a running app's logs are served:
 *     {@code http://host:port} as YARN reports it (or {@code host:port}, taken as http)
 * @param exitStatus YARN's exit status once the container completed (-104: killed for exceeding
 *     its physical memory, -103: virtual memory), or {@code null} while it runs
 */
public record ContainerView(
        String id,
        int attempt,
        boolean jobManager,
        String host,
        String nodeHttpAddress,
        String state,
        Integer exitStatus,
        String diagnostics) {

    public boolean completed() {
        return exitStatus != null;
    }
}
