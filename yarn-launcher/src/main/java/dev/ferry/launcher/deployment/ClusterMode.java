package dev.ferry.launcher.deployment;

import org.apache.flink.yarn.configuration.YarnDeploymentTarget;

/** How a Ferry cluster runs its jobs; the tag value is what {@code ferry-mode:} says on YARN. */
public enum ClusterMode {
    SESSION("session", YarnDeploymentTarget.SESSION),
    APPLICATION("application", YarnDeploymentTarget.APPLICATION),
    /** Flink's deprecated per-job mode: the JobGraph is built on the gateway. */
    PER_JOB("per-job", YarnDeploymentTarget.PER_JOB);

    private final String tag;
    private final YarnDeploymentTarget target;

    ClusterMode(String tag, YarnDeploymentTarget target) {
        this.tag = tag;
        this.target = target;
    }

    public String tag() {
        return tag;
    }

    public String deploymentTarget() {
        return target.getName();
    }

    /** The mode a tag names; {@code session} for clusters deployed before modes were tagged. */
    public static ClusterMode fromTag(String tag) {
        for (ClusterMode mode : values()) {
            if (mode.tag.equals(tag)) {
                return mode;
            }
        }
        return SESSION;
    }
}
