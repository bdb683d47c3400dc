package dev.ferry.launcher.cluster;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;

import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.time.Duration;

/**
 * Opens Flink's own REST client on the JobManager of a YARN application. Flink publishes the
 * REST address as the application's host and RPC port.
 */
public final class JobManagerClients {

    private final Configuration base;
    private final Duration timeout;

    public JobManagerClients(Configuration base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    public RestClusterClient<ApplicationId> open(ApplicationReport report) {
        Configuration config = new Configuration(base);
        config.set(JobManagerOptions.ADDRESS, report.getHost());
        config.set(RestOptions.ADDRESS, report.getHost());
        config.set(RestOptions.PORT, report.getRpcPort());
        // YARN names the JobManager: no leader retrieval, even where config.yaml or -D turn HA on
        // (the quorum is only added to the clusters' own configuration).
        config.set(HighAvailabilityOptions.HA_MODE, "NONE");
        config.set(RestOptions.CONNECTION_TIMEOUT, timeout);
        config.set(RestOptions.IDLENESS_TIMEOUT, timeout.multipliedBy(6));
        // A probe must answer "unreachable" fast instead of retrying for a minute.
        config.set(RestOptions.RETRY_MAX_ATTEMPTS, 0);
        try {
            return new RestClusterClient<>(config, report.getApplicationId());
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Cannot open a REST client for " + report.getApplicationId() + ": " + e.getMessage(),
                    e);
        }
    }

    public static String webUrl(ApplicationReport report) {
        if (report.getHost() == null || report.getHost().equals("N/A") || report.getRpcPort() <= 0) {
            return "";
        }
        return "http://" + report.getHost() + ":" + report.getRpcPort();
    }

    public Duration timeout() {
        return timeout;
    }
}
