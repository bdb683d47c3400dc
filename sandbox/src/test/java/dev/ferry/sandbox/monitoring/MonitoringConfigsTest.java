package dev.ferry.sandbox.monitoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MonitoringConfigsTest {

    @TempDir
    Path dir;

    private MonitoringSettings settings(String webhook) {
        return new MonitoringSettings(
                dir,
                dir.resolve("rules"),
                dir.resolve("data"),
                dir.resolve("log"),
                19090,
                19093,
                19091,
                webhook,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1));
    }

    @Test
    void prometheusScrapesThePushgatewayKeepingThePushedLabelsAndAlertsThisAlertmanager() {
        String config = MonitoringConfigs.prometheus(settings(""));

        assertThat(config)
                .contains("scrape_interval: 2s")
                .contains("evaluation_interval: 2s")
                .contains("honor_labels: true")
                .contains("targets: [\"localhost:19091\"]")
                .contains("targets: [\"localhost:19093\"]")
                .contains("  - \"" + dir.resolve("rules").resolve("*.yml") + "\"");
    }

    @Test
    void alertsGoToTheWebhookGroupedPerAlertClusterAndJob() {
        String config = MonitoringConfigs.alertmanager(settings("http://localhost:1234/hook"));

        assertThat(config)
                .contains("receiver: webhook")
                .contains("group_by: [alertname, ferry_cluster, job_name]")
                .contains("group_wait: 1s")
                .contains("url: \"http://localhost:1234/hook\"");
    }

    @Test
    void withoutAWebhookAlertsStayInAlertmanager() {
        assertThat(MonitoringConfigs.alertmanager(settings("")))
                .contains("receiver: none")
                .doesNotContain("webhook_configs");
    }

    @Test
    void prometheusAndAlertmanagerAcceptTheirConfigurations() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/amtool")), "amtool is not installed");
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("prometheus.yml"), MonitoringConfigs.prometheus(settings("")));
        Files.writeString(dir.resolve("alertmanager.yml"), MonitoringConfigs.alertmanager(settings("")));
        Files.writeString(
                dir.resolve("alertmanager-hook.yml"), MonitoringConfigs.alertmanager(settings("http://h:1/x")));

        assertThat(run("/usr/bin/promtool", "check", "config", "prometheus.yml"))
                .contains("SUCCESS");
        assertThat(run("/usr/bin/amtool", "check-config", "alertmanager.yml", "alertmanager-hook.yml"))
                .doesNotContain("FAILED");
    }

    @Test
    void binariesAreFoundUnderDebiansOrUpstreamsNames() throws Exception {
        Path debian = Files.createDirectories(dir.resolve("debian"));
        Path upstream = Files.createDirectories(dir.resolve("upstream"));
        for (Path binary : new Path[] {
            debian.resolve("prometheus"), debian.resolve("prometheus-alertmanager"), upstream.resolve("pushgateway")
        }) {
            Files.writeString(binary, "#!/bin/sh\n");
            assertThat(binary.toFile().setExecutable(true)).isTrue();
        }

        assertThat(MonitoringBinaries.find(debian + ":" + upstream))
                .contains(new MonitoringBinaries(
                        debian.resolve("prometheus"),
                        debian.resolve("prometheus-alertmanager"),
                        upstream.resolve("pushgateway")));
        assertThat(MonitoringBinaries.find(debian.toString())).isEmpty();
    }

    private String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
