package dev.ferry.launcher.monitoring;

import dev.ferry.launcher.configuration.ConfigurationException;
import dev.ferry.launcher.configuration.MonitoringOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.TimeUtils;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.flink.configuration.ConfigOptions.key;

/**
 * The metrics reporter of every cluster Ferry deploys: Flink's PrometheusPushGatewayReporter
 * (plugins/metrics-prometheus) pushing to {@link MonitoringOptions#PUSHGATEWAY_URL}, every metric
 * labelled with the cluster's name and queue.
 *
 * <p>A push is what makes YARN containers findable: they start on any NodeManager at a port
 * nobody knows, while the Pushgateway has one address that Prometheus scrapes. A Pushgateway that
 * is down costs the containers a logged warning per push, never a job: the reporter pushes from
 * Flink's metric thread and catches its own failures.
 */
public final class MetricsReporter {

    /** Reporter name in {@code metrics.reporter.<name>.*}. */
    public static final String NAME = "ferry";

    public static final String FACTORY = "org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory";

    /** Labels Ferry adds to every metric; Flink's own job metrics carry {@code job_name}. */
    public static final String CLUSTER_LABEL = "ferry_cluster";

    public static final String QUEUE_LABEL = "ferry_queue";

    /** Pushgateway groups of Ferry clusters are named {@code ferry-<cluster><random suffix>}. */
    public static final String GROUP_PREFIX = "ferry-";

    // The reporter's own option keys (PrometheusPushGatewayReporterOptions, a plugin class that
    // is not on the launcher's class path; MetricsReporterTest pins them against it).
    static final String HOST_URL = "hostUrl";
    static final String JOB_NAME = "jobName";
    static final String RANDOM_JOB_NAME_SUFFIX = "randomJobNameSuffix";
    static final String DELETE_ON_SHUTDOWN = "deleteOnShutdown";
    static final String GROUPING_KEY = "groupingKey";
    static final String FILTER_LABEL_VALUE_CHARACTERS = "filterLabelValueCharacters";

    private MetricsReporter() {}

    /** Whether clusters deployed with {@code settings} get the reporter. */
    public static boolean enabled(ReadableConfig settings) {
        return settings.get(MonitoringOptions.METRICS_ENABLED)
                && !settings.get(MonitoringOptions.PUSHGATEWAY_URL).isBlank();
    }

    /**
     * Adds the reporter to a cluster's configuration, when {@link #enabled}.
     *
     * @throws ConfigurationException when the Pushgateway URL is not an http(s) URL with a host
     */
    public static void configure(Configuration config, String cluster, String queue) {
        if (!enabled(config)) {
            return;
        }
        String url = pushgatewayUrl(config);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CLUSTER_LABEL, cluster);
        labels.put(QUEUE_LABEL, queue);

        config.setString(reporterKey(MetricOptions.REPORTER_FACTORY_CLASS.key()), FACTORY);
        config.setString(reporterKey(HOST_URL), url);
        config.setString(
                reporterKey(MetricOptions.REPORTER_INTERVAL.key()),
                TimeUtils.formatWithHighestUnit(config.get(MonitoringOptions.PUSH_INTERVAL)));
        // One group per JobManager and TaskManager: a push replaces its whole group, so containers
        // sharing one would erase each other's metrics.
        config.setString(reporterKey(JOB_NAME), GROUP_PREFIX + cluster);
        config.setString(reporterKey(RANDOM_JOB_NAME_SUFFIX), "true");
        // A container that stops cleanly removes its group; one that is killed leaves it, and the
        // FerryMetricsStale alert tells.
        config.setString(reporterKey(DELETE_ON_SHUTDOWN), "true");
        // Label values as Ferry names them: the reporter would otherwise turn "orders-v2" into "orders_v2".
        config.setString(reporterKey(FILTER_LABEL_VALUE_CHARACTERS), "false");
        // On each metric at the source (also for any other tag-based reporter), and as the group's
        // labels, so that the Pushgateway's push_time_seconds names the cluster too.
        config.set(additionalVariables(), labels);
        config.setString(reporterKey(GROUPING_KEY), groupingKey(labels));
        enableInReporterList(config);
        addJobStateMetrics(config);
    }

    /**
     * The JobManager's job state gauges (runningState, restartingState, ...), which
     * FerryJobNotRunning reads; Flink reports only the time spent in the current state by default.
     */
    private static void addJobStateMetrics(Configuration config) {
        List<MetricOptions.JobStatusMetrics> metrics = new ArrayList<>(config.get(MetricOptions.JOB_STATUS_METRICS));
        if (!metrics.contains(MetricOptions.JobStatusMetrics.STATE)) {
            metrics.add(MetricOptions.JobStatusMetrics.STATE);
            config.set(MetricOptions.JOB_STATUS_METRICS, metrics);
        }
    }

    private static String pushgatewayUrl(ReadableConfig config) {
        String url = config.get(MonitoringOptions.PUSHGATEWAY_URL).strip();
        try {
            URI uri = new URI(url);
            if ((uri.getScheme() != null && uri.getScheme().matches("https?")) && uri.getHost() != null) {
                return url.replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // reported below, with the key
        }
        throw new ConfigurationException(MonitoringOptions.PUSHGATEWAY_URL.key() + "='" + url
                + "' is not a Pushgateway URL: give http://host:port (the Pushgateway's default port is 9091)");
    }

    /** When {@code metrics.reporters} lists the reporters to start, Ferry's must be on it. */
    private static void enableInReporterList(Configuration config) {
        config.getOptional(MetricOptions.REPORTERS_LIST).ifPresent(names -> {
            if (!List.of(names.split(",")).stream().map(String::strip).toList().contains(NAME)) {
                config.set(MetricOptions.REPORTERS_LIST, names + "," + NAME);
            }
        });
    }

    private static ConfigOption<Map<String, String>> additionalVariables() {
        return key(reporterKey(MetricOptions.REPORTER_ADDITIONAL_VARIABLES.key()))
                .mapType()
                .noDefaultValue();
    }

    private static String groupingKey(Map<String, String> labels) {
        List<String> pairs = new ArrayList<>();
        labels.forEach((label, value) -> pairs.add(label + "=" + value));
        return String.join(";", pairs);
    }

    static String reporterKey(String suffix) {
        return "metrics.reporter." + NAME + "." + suffix;
    }
}
