package dev.ferry.sandbox.monitoring;

import java.time.Duration;

/**
 * The Prometheus and Alertmanager configuration of a local stack: Prometheus scrapes the
 * Pushgateway keeping the labels the containers pushed (as conf/prometheus/prometheus.yml does on
 * a real cluster), loads the rules directory and alerts this Alertmanager, which posts every alert
 * to one webhook.
 */
final class MonitoringConfigs {

    private MonitoringConfigs() {}

    static String prometheus(MonitoringSettings settings) {
        String interval = seconds(settings.scrapeInterval());
        return String.join(
                "\n",
                "# Written by the Ferry sandbox on every start.",
                "global:",
                "  scrape_interval: " + interval,
                "  evaluation_interval: " + interval,
                "rule_files:",
                "  - " + quoted(settings.rulesDir().resolve("*.yml").toString()),
                "scrape_configs:",
                "  - job_name: ferry-pushgateway",
                "    honor_labels: true",
                "    static_configs:",
                "      - targets: [" + quoted("localhost:" + settings.pushgatewayPort()) + "]",
                "alerting:",
                "  alertmanagers:",
                "    - static_configs:",
                "        - targets: [" + quoted("localhost:" + settings.alertmanagerPort()) + "]",
                "");
    }

    static String alertmanager(MonitoringSettings settings) {
        boolean webhook = !settings.webhookUrl().isBlank();
        StringBuilder yaml = new StringBuilder("# Written by the Ferry sandbox on every start.\n")
                .append("route:\n")
                .append("  receiver: ")
                .append(webhook ? "webhook" : "none")
                .append('\n')
                .append("  group_by: [alertname, ferry_cluster, job_name]\n")
                .append("  group_wait: ")
                .append(seconds(settings.groupWait()))
                .append('\n')
                .append("  group_interval: ")
                .append(seconds(settings.groupWait().multipliedBy(6)))
                .append('\n')
                .append("  repeat_interval: 4h\n")
                .append("receivers:\n");
        if (webhook) {
            yaml.append("  - name: webhook\n")
                    .append("    webhook_configs:\n")
                    .append("      - url: ")
                    .append(quoted(settings.webhookUrl()))
                    .append('\n')
                    .append("        send_resolved: true\n");
        } else {
            yaml.append("  # No webhook configured: alerts show in Alertmanager's web UI only.\n")
                    .append("  - name: none\n");
        }
        return yaml.toString();
    }

    private static String seconds(Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
