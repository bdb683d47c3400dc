package dev.ferry.launcher.rest;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** {@link JobManagers} with Flink's own {@link RestClusterClient}, at the address YARN reports. */
public final class RestJobManagers implements JobManagers {

    private final Configuration base;
    private final Duration timeout;
    private final HttpClient http;

    public RestJobManagers(Configuration base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public JobManager open(ApplicationReport report) {
        return new RestJobManager(client(report), http, URI.create(JobManagers.webUrl(report) + "/"), timeout);
    }

    @Override
    public Duration callTimeout() {
        return timeout;
    }

    /** Flink's REST client for {@code report}'s JobManager, as the benches and the SQL runner need it too. */
    public RestClusterClient<ApplicationId> client(ApplicationReport report) {
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
}
