package dev.ferry.launcher.monitoring;

import dev.ferry.launcher.configuration.MonitoringOptions;

import org.apache.flink.configuration.ReadableConfig;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Ferry's alerting rules for Prometheus, rendered from the {@code ferry.alerts.*} settings.
 *
 * <p>Thresholds are not written into the alerts. Each becomes a series, {@code
 * ferry:alert_threshold{alert="..."}} for the default and the same with {@code job_name} for a job
 * of its own, and every alert compares a job's value with its job's series, or else the default.
 * So the alerts are the same text whatever the thresholds, and a job's threshold changes by
 * changing one line of the threshold group.
 *
 * <p>Metrics of a JobManager or TaskManager that stopped pushing without removing them (a killed
 * or lost container) stay in the Pushgateway with their last values; the rules ignore them, and
 * FerryMetricsStale names them instead.
 */
public final class AlertRules {

    /** A job's labels, as every Ferry job metric carries them. */
    private static final String JOB = "ferry_cluster, ferry_queue, job_name";
    /** A vertex of a job. */
    private static final String VERTEX = JOB + ", task_name";
    /** Rate window of the per-subtask record rates that skew compares; 4 scrapes at Prometheus's usual 15 s and more. */
    private static final String RATE_WINDOW = "5m";
    /** A group that has not been pushed for this many push intervals is stale. */
    private static final int STALE_PUSHES = 4;

    private AlertRules() {}

    /** The rules file, ready for Prometheus's {@code rule_files}. */
    public static String render(ReadableConfig config) {
        StringBuilder yaml = new StringBuilder();
        yaml.append(
                        "# Ferry's alerting rules for Prometheus. Rendered by 'ferry alerts rules' from the ferry.alerts.*\n")
                .append(
                        "# settings (conf/ferry.yaml); edit those and render again rather than this file. The metrics\n")
                .append(
                        "# come from the Pushgateway that every Ferry cluster pushes to (ferry.metrics.pushgateway.url).\n")
                .append("groups:\n");
        thresholds(yaml, config);
        signals(yaml, config);
        alerts(yaml, config);
        return yaml.toString();
    }

    private static void thresholds(StringBuilder yaml, ReadableConfig config) {
        yaml.append("  - name: ferry-alert-thresholds\n")
                .append("    # One series per alert: the default, and one with job_name for each job of its own.\n")
                .append("    rules:\n");
        for (AlertThreshold threshold : AlertThreshold.all()) {
            thresholdSeries(yaml, threshold.alert(), threshold.defaultValue(config), null);
            for (Map.Entry<String, BigDecimal> job : threshold.perJob(config).entrySet()) {
                thresholdSeries(yaml, threshold.alert(), job.getValue(), job.getKey());
            }
        }
    }

    private static void thresholdSeries(StringBuilder yaml, String alert, BigDecimal value, String job) {
        yaml.append("      - record: ferry:alert_threshold\n")
                .append("        expr: vector(")
                .append(value.stripTrailingZeros().toPlainString())
                .append(")\n")
                .append("        labels:\n")
                .append("          alert: ")
                .append(alert)
                .append('\n');
        if (job != null) {
            yaml.append("          job_name: ").append(quoted(job)).append('\n');
        }
    }

    private static void signals(StringBuilder yaml, ReadableConfig config) {
        Duration staleAfter = config.get(MonitoringOptions.PUSH_INTERVAL).multipliedBy(STALE_PUSHES);
        // One group with the alerts after it: Prometheus evaluates a group's rules in order, so each
        // alert reads the signals of the same evaluation, not of the one before.
        yaml.append("  - name: ferry-alerts\n").append("    rules:\n");
        record(
                yaml,
                "ferry:push_stale",
                "A Ferry container's group, when its last push is older than " + STALE_PUSHES + " push intervals.",
                "(time() - push_time_seconds{job=~\"" + MetricsReporter.GROUP_PREFIX + ".+\"}) > "
                        + staleAfter.toSeconds());
        record(
                yaml,
                "ferry:job_running",
                "1 while the JobManager reports the job RUNNING, 0 in any other state.",
                "max by (" + JOB + ") (flink_jobmanager_job_runningState " + fresh() + ")");
        record(
                yaml,
                "ferry:job_restarts:increase",
                null,
                "max by (" + JOB + ") (increase(flink_jobmanager_job_numRestarts["
                        + promDuration(config.get(MonitoringOptions.RESTARTS_WINDOW)) + "]) " + fresh() + ")");
        String checkpointsWindow = promDuration(config.get(MonitoringOptions.CHECKPOINTS_WINDOW));
        record(
                yaml,
                "ferry:job_failed_checkpoints:increase",
                "Failed checkpoints of jobs that completed none in the window. Flink counts every trigger while"
                        + " tasks are still deploying or restarting as failed: that alone is no alert.",
                "max by (" + JOB + ") (increase(flink_jobmanager_job_numberOfFailedCheckpoints[" + checkpointsWindow
                        + "]) " + fresh() + ")\n"
                        + "  unless on (" + JOB + ") (max by (" + JOB
                        + ") (increase(flink_jobmanager_job_numberOfCompletedCheckpoints[" + checkpointsWindow
                        + "]) " + fresh() + ") > 0)");
        record(
                yaml,
                "ferry:task_backpressured:ratio",
                "Share of time the most back-pressured subtask of each vertex spends back-pressured.",
                "max by (" + VERTEX + ") (flink_taskmanager_job_task_backPressuredTimeMsPerSecond " + fresh()
                        + ") / 1000");
        record(
                yaml,
                "ferry:subtask_records_in:rate",
                null,
                "rate(flink_taskmanager_job_task_numRecordsIn[" + RATE_WINDOW + "]) " + fresh());
        record(
                yaml,
                "ferry:task_skew:ratio",
                "Busiest subtask's records in per second over the average of the vertex's other subtasks, for"
                        + " vertices with more than one subtask and at least 1 record per second.",
                "max by (" + VERTEX + ") (ferry:subtask_records_in:rate)\n"
                        + "  / ((sum by (" + VERTEX + ") (ferry:subtask_records_in:rate) - max by (" + VERTEX
                        + ") (ferry:subtask_records_in:rate))\n"
                        + "     / (count by (" + VERTEX + ") (ferry:subtask_records_in:rate) - 1))\n"
                        + "  and on (" + VERTEX + ") (count by (" + VERTEX + ") (ferry:subtask_records_in:rate) > 1)\n"
                        + "  and on (" + VERTEX + ") (avg by (" + VERTEX + ") (ferry:subtask_records_in:rate) >= 1)");
        record(
                yaml,
                "ferry:task_event_time_lag:seconds",
                "How far the slowest watermark of each vertex is behind the wall clock; jobs without event time"
                        + " report none.",
                "time() - min by (" + VERTEX + ") ((flink_taskmanager_job_task_operator_currentOutputWatermark > 0) "
                        + fresh() + ") / 1000");
    }

    private static void alerts(StringBuilder yaml, ReadableConfig config) {
        alert(
                yaml,
                "FerryJobNotRunning",
                "ferry:job_running == 0",
                config.get(MonitoringOptions.NOT_RUNNING_FOR),
                "critical",
                "Ferry job {{ $labels.job_name }} on cluster {{ $labels.ferry_cluster }} is not running",
                "Its JobManager has reported it restarting, failing or suspended for "
                        + promDuration(config.get(MonitoringOptions.NOT_RUNNING_FOR)) + " (queue {{ $labels.ferry_queue"
                        + " }}). 'ferry job status {{ $labels.job_name }}' shows its state.");
        alert(
                yaml,
                "FerryJobRestarting",
                overThreshold("ferry:job_restarts:increase", AlertThreshold.RESTARTS),
                Duration.ZERO,
                "critical",
                "Ferry job {{ $labels.job_name }} on cluster {{ $labels.ferry_cluster }} restarted {{ $value | printf"
                        + " \"%.0f\" }} times"
                        + " in " + promDuration(config.get(MonitoringOptions.RESTARTS_WINDOW)),
                "The job fails and restarts over and over (queue {{ $labels.ferry_queue }}): its root exception is"
                        + " in the JobManager's exception history (web UI, Exceptions).");
        alert(
                yaml,
                "FerryCheckpointsFailing",
                overThreshold("ferry:job_failed_checkpoints:increase", AlertThreshold.CHECKPOINTS),
                Duration.ZERO,
                "warning",
                "Ferry job {{ $labels.job_name }} on cluster {{ $labels.ferry_cluster }}: {{ $value | printf"
                        + " \"%.0f\" }} checkpoints failed and none completed in "
                        + promDuration(config.get(MonitoringOptions.CHECKPOINTS_WINDOW)),
                "A job whose checkpoints fail replays more after its next failure; Flink's checkpoint history"
                        + " (web UI, Checkpoints) gives the failure message.");
        alert(
                yaml,
                "FerryBackpressure",
                overThreshold("ferry:task_backpressured:ratio", AlertThreshold.BACKPRESSURE),
                config.get(MonitoringOptions.BACKPRESSURE_FOR),
                "warning",
                "Ferry job {{ $labels.job_name }} on cluster {{ $labels.ferry_cluster }}: vertex {{ $labels.task_name"
                        + " }} is back-pressured {{ $value | humanizePercentage }} of the time",
                "A vertex downstream of it cannot keep up: the first busy one is the bottleneck.");
        alert(
                yaml,
                "FerrySkew",
                overThreshold("ferry:task_skew:ratio", AlertThreshold.SKEW),
                config.get(MonitoringOptions.SKEW_FOR),
                "warning",
                "Ferry job {{ $labels.job_name }} on cluster {{ $labels.ferry_cluster }}: the busiest subtask of"
                        + " {{ $labels.task_name }} gets {{ $value | printf \"%.1f\" }} times the records of the others",
                "Data skew: a few keys carry most records. Spread hot keys (salting, two-phase aggregation).");
        alert(
                yaml,
                "FerryEventTimeLag",
                overThreshold("ferry:task_event_time_lag:seconds", AlertThreshold.EVENT_TIME_LAG),
                config.get(MonitoringOptions.EVENT_TIME_LAG_FOR),
                "warning",
                "Ferry job {{ $labels.job_name }} on cluster {{ $labels.ferry_cluster }}: event time of {{"
                        + " $labels.task_name }} is {{ $value | humanizeDuration }} behind",
                "The job processes data later than it happens: its input is behind, or it cannot keep up.");
        alert(
                yaml,
                "FerryMetricsStale",
                "ferry:push_stale",
                Duration.ZERO,
                "warning",
                "A JobManager or TaskManager of Ferry cluster {{ $labels.ferry_cluster }} stopped pushing metrics",
                "Pushgateway group {{ $labels.job }} was last pushed {{ $value | humanizeDuration }} ago without"
                        + " removing its metrics: its container was killed or lost. After an intended kill, delete"
                        + " the group in the Pushgateway (its web page, or HTTP DELETE /metrics/job/{{ $labels.job"
                        + " }}/ferry_cluster/{{ $labels.ferry_cluster }}/ferry_queue/{{ $labels.ferry_queue }}).");
    }

    /**
     * {@code value} above its job's threshold series, or the default series for a job without one;
     * {@code value} must carry {@code job_name}.
     */
    static String overThreshold(String value, AlertThreshold threshold) {
        String series = "ferry:alert_threshold{alert=\"" + threshold.alert() + "\"";
        return value + "\n  > on (job_name) group_left ()\n  (\n"
                + "      max by (job_name) (" + series + ", job_name!=\"\"})\n"
                + "    or on (job_name)\n"
                + "      max by (job_name) (" + value + ") * 0 + scalar(" + series + ", job_name=\"\"})\n"
                + "  )";
    }

    /** Leaves out the series of containers that stopped pushing. */
    private static String fresh() {
        return "unless on (job) ferry:push_stale";
    }

    private static void record(StringBuilder yaml, String name, String comment, String expr) {
        if (comment != null) {
            yaml.append("      # ").append(comment).append('\n');
        }
        yaml.append("      - record: ").append(name).append('\n');
        expression(yaml, expr);
    }

    private static void alert(
            StringBuilder yaml,
            String name,
            String expr,
            Duration holdFor,
            String severity,
            String summary,
            String description) {
        yaml.append("      - alert: ").append(name).append('\n');
        expression(yaml, expr);
        if (!holdFor.isZero()) {
            yaml.append("        for: ").append(promDuration(holdFor)).append('\n');
        }
        yaml.append("        labels:\n")
                .append("          severity: ")
                .append(severity)
                .append('\n')
                .append("        annotations:\n")
                .append("          summary: ")
                .append(quoted(summary))
                .append('\n')
                .append("          description: ")
                .append(quoted(description))
                .append('\n');
    }

    private static void expression(StringBuilder yaml, String expr) {
        if (expr.contains("\n")) {
            yaml.append("        expr: |\n");
            expr.lines().forEach(line -> yaml.append("          ").append(line).append('\n'));
        } else {
            yaml.append("        expr: ").append(expr).append('\n');
        }
    }

    /** A double-quoted YAML string. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** PromQL's duration syntax, in the largest whole unit. */
    static String promDuration(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
