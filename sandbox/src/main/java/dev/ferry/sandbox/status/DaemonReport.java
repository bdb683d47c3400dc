package dev.ferry.sandbox.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of the daemon's status file.
 *
 * @param services service name to address, in start order (kept)
 * @param message why the daemon failed, empty otherwise
 * @param monitoringPids Prometheus, Alertmanager and Pushgateway, when the daemon runs them
 */
public record DaemonReport(
        DaemonState state,
        long pid,
        long metastorePid,
        Map<String, String> services,
        String message,
        List<Long> monitoringPids) {

    public DaemonReport {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        message = message == null ? "" : message;
        monitoringPids = List.copyOf(monitoringPids);
    }

    /** A report of a daemon without a monitoring stack. */
    public DaemonReport(DaemonState state, long pid, long metastorePid, Map<String, String> services, String message) {
        this(state, pid, metastorePid, services, message, List.of());
    }
}
