package dev.ferry.launcher.jobs.record;

/**
 * A vertex of a recorded job whose parallelism was set after submission, which later runs of the
 * job (resume, restart, a failover) keep.
 *
 * @param name the vertex's name when it was scaled, for people reading the record
 * @param origin who set it: {@link #MANUAL} ({@code ferry job scale}) or {@link #AUTOPILOT}
 */
public record ScaledVertex(String name, int parallelism, String origin) {

    public static final String MANUAL = "manual";
    public static final String AUTOPILOT = "autopilot";
    /** What {@code ferry job status} shows for a vertex that runs as it was submitted. */
    public static final String SUBMITTED = "submitted";
}
