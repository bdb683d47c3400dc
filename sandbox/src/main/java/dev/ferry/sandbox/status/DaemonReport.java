package dev.ferry.sandbox.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of the daemon's status file.
 *
 * @param services service name to address, in start order (kept)
 * @param message why the daemon failed, empty otherwise
 */
public record DaemonReport(
        DaemonState state, long pid, long metastorePid, Map<String, String> services, String message) {

    public DaemonReport {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        message = message == null ? "" : message;
    }
}
