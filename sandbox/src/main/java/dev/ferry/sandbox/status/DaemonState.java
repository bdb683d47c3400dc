package dev.ferry.sandbox.status;

/** What the daemon last wrote about itself. */
public enum DaemonState {
    STARTING,
    READY,
    FAILED,
    STOPPING,
    STOPPED
}
