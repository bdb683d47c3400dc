package dev.ferry.sandbox.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a local monitoring stack runs: its files and ports, where alerts go, and how quickly.
 *
 * @param configDir where prometheus.yml and alertmanager.yml are written
 * @param rulesDir Prometheus loads every {@code *.yml} in it as rules
 * @param dataDir Prometheus's and Alertmanager's data, in sub-directories
 * @param logDir one log file per process
 * @param webhookUrl where Alertmanager posts alerts; empty: nowhere (they show in its web UI)
 * @param scrapeInterval Prometheus's scrape and rule evaluation interval
 * @param groupWait how long Alertmanager waits before it sends a new group of alerts
 */
public record MonitoringSettings(
        Path configDir,
        Path rulesDir,
        Path dataDir,
        Path logDir,
        int prometheusPort,
        int alertmanagerPort,
        int pushgatewayPort,
        String webhookUrl,
        Duration scrapeInterval,
        Duration groupWait) {

    public MonitoringSettings {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(rulesDir, "rulesDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(scrapeInterval, "scrapeInterval");
        Objects.requireNonNull(groupWait, "groupWait");
    }

    public String prometheusUrl() {
        return "http://localhost:" + prometheusPort;
    }

    public String alertmanagerUrl() {
        return "http://localhost:" + alertmanagerPort;
    }

    public String pushgatewayUrl() {
        return "http://localhost:" + pushgatewayPort;
    }
}
