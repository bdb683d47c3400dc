package dev.ferry.sandbox.status;

import java.nio.file.Path;
import java.util.List;

/**
 * The sandbox as seen right now: daemon liveness and a port probe per service, not only
 * what the daemon last wrote.
 *
 * @param running the daemon process is alive
 * @param state what the daemon last reported (STOPPED when it never ran or has gone)
 * @param pid the daemon's process id, -1 when none is running
 * @param services every service the daemon announced, each probed
 * @param confDir Hadoop client conf dir (core/hdfs/yarn-site.xml) and hive-site.xml
 * @param dataDir HDFS, ZooKeeper and metastore data, kept across restarts
 * @param logFile the daemon's log
 * @param message why the daemon failed, empty otherwise
 * @param notes what the operator may want to do, e.g. install the monitoring stack
 */
public record SandboxStatus(
        boolean running,
        DaemonState state,
        long pid,
        List<ServiceStatus> services,
        Path confDir,
        Path dataDir,
        Path logFile,
        String message,
        List<String> notes) {

    public SandboxStatus {
        services = List.copyOf(services);
        notes = List.copyOf(notes);
    }

    /** Running, ready, and every service answering. */
    public boolean healthy() {
        return running
                && state == DaemonState.READY
                && !services.isEmpty()
                && services.stream().allMatch(ServiceStatus::up);
    }
}
