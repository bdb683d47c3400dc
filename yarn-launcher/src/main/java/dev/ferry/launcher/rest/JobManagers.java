package dev.ferry.launcher.rest;

import org.apache.hadoop.yarn.api.records.ApplicationReport;

/**
 * Opens the REST API of a Flink cluster's JobManager, the one way the launcher talks to a running
 * cluster (Flink's CLI, REST API and web UI use the same one).
 */
public interface JobManagers {

    /** The JobManager of the running cluster YARN reports as {@code cluster}. */
    JobManager open(ApplicationReport cluster);

    /** How long one call to a JobManager may take before it counts as not answering. */
    java.time.Duration callTimeout();

    /** The web UI and REST address of a cluster: Flink publishes it as the application's host and RPC port. */
    static String webUrl(ApplicationReport report) {
        if (report.getHost() == null || report.getHost().equals("N/A") || report.getRpcPort() <= 0) {
            return "";
        }
        return "http://" + report.getHost() + ":" + report.getRpcPort();
    }
}
