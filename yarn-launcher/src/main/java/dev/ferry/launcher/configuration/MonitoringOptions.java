package dev.ferry.launcher.configuration;

import org.apache.flink.configuration.ConfigOption;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.apache.flink.configuration.ConfigOptions.key;

/**
 * Ferry's monitoring settings: where every cluster pushes its metrics, and the thresholds of the
 * alerting rules Ferry renders for Prometheus ({@code ferry alerts rules}, shipped rendered with
 * these defaults as {@code conf/prometheus/ferry-alerts.yml}).
 *
 * <p>Each alert with a threshold has a {@code .jobs} map beside it: per-job values that replace the
 * threshold for the jobs named, e.g. {@code ferry.alerts.event-time-lag.jobs: orders:30min}.
 */
public final class MonitoringOptions {

    public static final ConfigOption<Boolean> METRICS_ENABLED = key("ferry.metrics.enabled")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether the clusters Ferry deploys push their metrics to"
                    + " ferry.metrics.pushgateway.url. Set it to false for one cluster with -D.");

    public static final ConfigOption<String> PUSHGATEWAY_URL = key("ferry.metrics.pushgateway.url")
            .stringType()
            .defaultValue("")
            .withDescription("Prometheus Pushgateway (http://host:port) that every JobManager and TaskManager"
                    + " of a Ferry cluster pushes its metrics to, labelled ferry_cluster, ferry_queue and (job"
                    + " metrics) job_name. Empty: clusters run without a metrics reporter. Commands given"
                    + " --sandbox use the sandbox's Pushgateway.");

    public static final ConfigOption<Duration> PUSH_INTERVAL = key("ferry.metrics.push-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(15))
            .withDescription("How often each JobManager and TaskManager pushes its metrics. Prometheus's usual"
                    + " scrape interval; pushing more often than Prometheus scrapes is work nobody reads.");

    public static final ConfigOption<Duration> RESTARTS_WINDOW = key("ferry.alerts.restarts.window")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("Window in which FerryJobRestarting counts a job's restarts.");

    public static final ConfigOption<Integer> RESTARTS_THRESHOLD = key("ferry.alerts.restarts.threshold")
            .intType()
            .defaultValue(2)
            .withDescription("FerryJobRestarting fires when a job restarted more often than this within"
                    + " ferry.alerts.restarts.window. With Ferry's exponential-delay restarts (1 s, 2 s,"
                    + " 4 s, ...) a job failing on every record gets there in about 10 s; a single lost"
                    + " TaskManager does not.");

    public static final ConfigOption<Map<String, String>> RESTARTS_JOBS = jobs("restarts");

    public static final ConfigOption<Duration> NOT_RUNNING_FOR = key("ferry.alerts.not-running.for")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("FerryJobNotRunning fires when a job's JobManager has reported it in a state"
                    + " other than RUNNING (restarting, failing, suspended) for this long.");

    public static final ConfigOption<Duration> CHECKPOINTS_WINDOW = key("ferry.alerts.checkpoints.window")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("Window in which FerryCheckpointsFailing counts a job's failed checkpoints.");

    public static final ConfigOption<Integer> CHECKPOINTS_THRESHOLD = key("ferry.alerts.checkpoints.threshold")
            .intType()
            .defaultValue(0)
            .withDescription("FerryCheckpointsFailing fires when more checkpoints than this failed, and none"
                    + " completed, within ferry.alerts.checkpoints.window. Flink counts the checkpoints it could"
                    + " not trigger while tasks were deploying or restarting as failed, so failures beside"
                    + " completed checkpoints are no alert.");

    public static final ConfigOption<Map<String, String>> CHECKPOINTS_JOBS = jobs("checkpoints");

    public static final ConfigOption<Double> BACKPRESSURE_THRESHOLD = key("ferry.alerts.backpressure.threshold")
            .doubleType()
            .defaultValue(0.5)
            .withDescription("FerryBackpressure fires when a subtask of a job spends more than this share of its"
                    + " time back-pressured (0 to 1), for ferry.alerts.backpressure.for.");

    public static final ConfigOption<Map<String, String>> BACKPRESSURE_JOBS = jobs("backpressure");

    public static final ConfigOption<Duration> BACKPRESSURE_FOR = key("ferry.alerts.backpressure.for")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long backpressure must last before FerryBackpressure fires.");

    public static final ConfigOption<Double> SKEW_THRESHOLD = key("ferry.alerts.skew.threshold")
            .doubleType()
            .defaultValue(3.0)
            .withDescription("FerrySkew fires when the busiest subtask of a vertex receives more than this many"
                    + " times the records per second of the vertex's other subtasks on average (vertices with"
                    + " parallelism above 1 and at least 1 record per second), for ferry.alerts.skew.for."
                    + " 3: one subtask of two gets 75 % of the records, one of four 50 %.");

    public static final ConfigOption<Map<String, String>> SKEW_JOBS = jobs("skew");

    public static final ConfigOption<Duration> SKEW_FOR = key("ferry.alerts.skew.for")
            .durationType()
            .defaultValue(Duration.ofMinutes(15))
            .withDescription("How long skew must last before FerrySkew fires.");

    public static final ConfigOption<Duration> EVENT_TIME_LAG_THRESHOLD = key("ferry.alerts.event-time-lag.threshold")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("FerryEventTimeLag fires when a vertex's input watermark is further than this behind"
                    + " the wall clock, for ferry.alerts.event-time-lag.for. Jobs without event time report no"
                    + " watermark and never fire.");

    public static final ConfigOption<Map<String, String>> EVENT_TIME_LAG_JOBS = jobs("event-time-lag");

    public static final ConfigOption<Duration> EVENT_TIME_LAG_FOR = key("ferry.alerts.event-time-lag.for")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long the event-time lag must last before FerryEventTimeLag fires.");

    private MonitoringOptions() {}

    private static ConfigOption<Map<String, String>> jobs(String alert) {
        return key("ferry.alerts." + alert + ".jobs")
                .mapType()
                .defaultValue(Map.of())
                .withDescription("Per-job values of ferry.alerts." + alert + ".threshold, as job:value pairs"
                        + " (e.g. orders:VALUE,billing:VALUE); the jobs not named get the threshold.");
    }

    /** All options, in the order {@code ferry config show} prints them. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                METRICS_ENABLED,
                PUSHGATEWAY_URL,
                PUSH_INTERVAL,
                RESTARTS_THRESHOLD,
                RESTARTS_WINDOW,
                RESTARTS_JOBS,
                NOT_RUNNING_FOR,
                CHECKPOINTS_THRESHOLD,
                CHECKPOINTS_WINDOW,
                CHECKPOINTS_JOBS,
                BACKPRESSURE_THRESHOLD,
                BACKPRESSURE_FOR,
                BACKPRESSURE_JOBS,
                SKEW_THRESHOLD,
                SKEW_FOR,
                SKEW_JOBS,
                EVENT_TIME_LAG_THRESHOLD,
                EVENT_TIME_LAG_FOR,
                EVENT_TIME_LAG_JOBS);
    }
}
