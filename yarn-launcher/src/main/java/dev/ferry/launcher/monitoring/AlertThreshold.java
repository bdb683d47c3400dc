package dev.ferry.launcher.monitoring;

import dev.ferry.launcher.configuration.ConfigurationException;
import dev.ferry.launcher.configuration.MonitoringOptions;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.TimeUtils;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The threshold of one alert as PromQL compares it: a default, and values for the jobs that
 * {@code ferry.alerts.<alert>.jobs} names, each read with the threshold's own type (a count, a
 * share, a duration in seconds).
 *
 * @param alert the alert's name in Prometheus
 * @param threshold the option holding the default
 * @param jobs the option holding per-job values
 * @param number how a value of the threshold's type becomes the number PromQL compares with
 */
record AlertThreshold(
        String alert,
        ConfigOption<?> threshold,
        ConfigOption<Map<String, String>> jobs,
        Function<String, BigDecimal> number) {

    static final AlertThreshold RESTARTS = new AlertThreshold(
            "FerryJobRestarting",
            MonitoringOptions.RESTARTS_THRESHOLD,
            MonitoringOptions.RESTARTS_JOBS,
            value -> new BigDecimal(Integer.parseInt(value.strip())));

    static final AlertThreshold CHECKPOINTS = new AlertThreshold(
            "FerryCheckpointsFailing",
            MonitoringOptions.CHECKPOINTS_THRESHOLD,
            MonitoringOptions.CHECKPOINTS_JOBS,
            value -> new BigDecimal(Integer.parseInt(value.strip())));

    static final AlertThreshold BACKPRESSURE = new AlertThreshold(
            "FerryBackpressure",
            MonitoringOptions.BACKPRESSURE_THRESHOLD,
            MonitoringOptions.BACKPRESSURE_JOBS,
            value -> BigDecimal.valueOf(Double.parseDouble(value.strip())));

    static final AlertThreshold SKEW = new AlertThreshold(
            "FerrySkew",
            MonitoringOptions.SKEW_THRESHOLD,
            MonitoringOptions.SKEW_JOBS,
            value -> BigDecimal.valueOf(Double.parseDouble(value.strip())));

    static final AlertThreshold EVENT_TIME_LAG = new AlertThreshold(
            "FerryEventTimeLag",
            MonitoringOptions.EVENT_TIME_LAG_THRESHOLD,
            MonitoringOptions.EVENT_TIME_LAG_JOBS,
            value -> seconds(TimeUtils.parseDuration(value.strip())));

    static List<AlertThreshold> all() {
        return List.of(RESTARTS, CHECKPOINTS, BACKPRESSURE, SKEW, EVENT_TIME_LAG);
    }

    /** The default, as PromQL compares it. */
    BigDecimal defaultValue(ReadableConfig config) {
        Object value = config.get(threshold);
        return value instanceof Duration duration ? seconds(duration) : number.apply(String.valueOf(value));
    }

    /**
     * Per-job values, sorted by job name.
     *
     * @throws ConfigurationException naming the key and job of a value the threshold's type cannot read
     */
    Map<String, BigDecimal> perJob(ReadableConfig config) {
        Map<String, BigDecimal> values = new TreeMap<>();
        config.get(jobs).forEach((job, value) -> {
            try {
                values.put(job, number.apply(value));
            } catch (RuntimeException e) {
                throw new ConfigurationException(
                        jobs.key() + " gives job '" + job + "' the value '" + value + "', which is not what "
                                + threshold.key() + " takes (like its default, " + threshold.defaultValue() + ")",
                        e);
            }
        });
        return values;
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3);
    }
}
