package dev.ferry.launcher.yarn;

/**
 * One YARN queue as {@code ferry queue list} shows it. Capacities are percentages of the
 * parent queue; memory in MB.
 */
public record QueueView(
        String name,
        String path,
        boolean leaf,
        String state,
        boolean canSubmit,
        float capacityPercent,
        float maxCapacityPercent,
        float usedPercent,
        long allocatedMemoryMb,
        long availableMemoryMb,
        long pendingMemoryMb,
        int runningApplications,
        int pendingApplications) {

    /** Accepts new applications: a running leaf queue the current user may submit to. */
    public boolean acceptsSubmissions() {
        return leaf && "RUNNING".equals(state) && canSubmit;
    }
}
