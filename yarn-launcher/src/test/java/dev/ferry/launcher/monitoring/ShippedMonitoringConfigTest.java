package dev.ferry.launcher.monitoring;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * conf/prometheus/'s Prometheus and Alertmanager files, checked by Prometheus's and Alertmanager's
 * own tools (Debian's prometheus and prometheus-alertmanager packages, which
 * sandbox/bin/install-monitoring.sh installs): valid, and routing alerts as the comments say.
 */
class ShippedMonitoringConfigTest {

    private static final Path DIR = Path.of("..", "conf", "prometheus").toAbsolutePath();

    @Test
    void prometheusConfigIsValidAndLoadsFerrysRules() throws Exception {
        assumeInstalled("/usr/bin/promtool");

        assertThat(ToolRuns.succeeding(DIR, "/usr/bin/promtool", "check", "config", "prometheus.yml"))
                .contains("SUCCESS: 1 rule files found")
                .contains("SUCCESS: 20 rules found");
    }

    @Test
    void everyAlertReachesTheWebhookAndMailAndCriticalOnesDingTalkToo() throws Exception {
        assumeInstalled("/usr/bin/amtool");

        assertThat(ToolRuns.succeeding(DIR, "/usr/bin/amtool", "check-config", "alertmanager.yml"))
                .contains("SUCCESS");
        assertThat(routes("severity=critical", "alertname=FerryJobRestarting")).isEqualTo("webhook,dingtalk,email");
        assertThat(routes("severity=warning", "alertname=FerrySkew")).isEqualTo("webhook,email");
    }

    private static String routes(String... labels) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("/usr/bin/amtool", "config", "routes", "test", "--config.file=alertmanager.yml"));
        command.addAll(List.of(labels));
        return ToolRuns.succeeding(DIR, command.toArray(String[]::new))
                .lines()
                .filter(line -> !line.startsWith("Warning"))
                .findFirst()
                .orElse("")
                .replace("Warning: --config.file flag overrides the --alertmanager.url.", "")
                .strip();
    }

    private static void assumeInstalled(String tool) {
        assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is not installed");
    }
}
