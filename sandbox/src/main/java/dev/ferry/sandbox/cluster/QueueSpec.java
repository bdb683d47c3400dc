package dev.ferry.sandbox.cluster;

/**
 * A leaf queue directly under {@code root} of the CapacityScheduler.
 *
 * @param name leaf name, e.g. {@code analytics} (its path is {@code root.analytics})
 * @param capacityPercent guaranteed share; the shares of all leaf queues add up to 100
 * @param maxCapacityPercent upper limit, e.g. 100 to let it grow, or a tiny value to test refusals
 */
public record QueueSpec(String name, double capacityPercent, double maxCapacityPercent) {

    public QueueSpec {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("Queue name must be a non-empty leaf name, got: " + name);
        }
        if (capacityPercent < 0 || capacityPercent > 100) {
            throw new IllegalArgumentException("Queue " + name + ": capacity must be 0..100, got " + capacityPercent);
        }
        if (maxCapacityPercent < capacityPercent || maxCapacityPercent > 100) {
            throw new IllegalArgumentException(
                    "Queue " + name + ": max capacity must be capacity..100, got " + maxCapacityPercent);
        }
    }

    public String path() {
        return "root." + name;
    }
}
