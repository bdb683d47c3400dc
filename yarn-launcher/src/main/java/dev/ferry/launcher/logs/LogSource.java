package dev.ferry.launcher.logs;

import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.util.List;

/**
 * Where the containers of one application keep their logs: the NodeManagers while it runs
 * ({@link NodeManagerLogs}), YARN's aggregated logs once it ended ({@link AggregatedLogs}).
 * Implementations fail with one-line errors (exit 6) when they cannot be reached.
 */
public interface LogSource {

    /** Every container of the application with its log files, JobManagers first. */
    List<LoggedContainer> containers(ApplicationReport application);

    /**
     * The bytes of {@code file} from {@code offset} on, as text; an offset below 0 reads the last
     * {@code -offset} bytes.
     */
    String read(ApplicationReport application, LoggedContainer container, String file, long offset);

    /** Where the logs are read from, for messages. */
    String describe();
}
