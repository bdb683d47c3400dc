package dev.ferry.launcher.monitoring;

import dev.ferry.launcher.configuration.ConfigurationException;
import dev.ferry.launcher.configuration.ConfigurationLoader;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AlertRulesTest {

    private static final Path CONF = Path.of("..", "conf");

    private static Configuration settings(Map<String, String> values) {
        return Configuration.fromMap(values);
    }

    @Test
    void theShippedRulesAreWhatTheShippedSettingsRender() throws IOException {
        Configuration shipped = new ConfigurationLoader(CONF).load(Map.of()).toFlinkConfiguration();

        assertThat(AlertRules.render(shipped))
                .as("conf/prometheus/ferry-alerts.yml is stale: render it again with 'ferry alerts rules'")
                .isEqualTo(Files.readString(CONF.resolve("prometheus/ferry-alerts.yml")));
        assertThat(AlertRules.render(shipped)).isEqualTo(AlertRules.render(new Configuration()));
    }

    @Test
    void thresholdsAreSeriesWithAJobsOwnValueBesideTheDefault() {
        String rules = AlertRules.render(settings(Map.of(
                "ferry.alerts.event-time-lag.threshold", "10 min",
                "ferry.alerts.event-time-lag.jobs", "backfill:6h,orders:90s",
                "ferry.alerts.backpressure.jobs.etl", "0.9")));

        assertThat(rules)
                .contains("expr: vector(600)\n        labels:\n          alert: FerryEventTimeLag\n")
                .contains("expr: vector(21600)\n        labels:\n          alert: FerryEventTimeLag\n"
                        + "          job_name: \"backfill\"\n")
                .contains("expr: vector(90)\n        labels:\n          alert: FerryEventTimeLag\n"
                        + "          job_name: \"orders\"\n")
                .contains("expr: vector(0.9)\n        labels:\n          alert: FerryBackpressure\n"
                        + "          job_name: \"etl\"\n");
    }

    @Test
    void windowsAndHoldTimesAreWrittenInPromqlUnits() {
        String rules = AlertRules.render(settings(Map.of(
                "ferry.alerts.restarts.window", "90 s",
                "ferry.alerts.backpressure.for", "2 h",
                "ferry.metrics.push-interval", "5 s")));

        assertThat(rules)
                .contains("increase(flink_jobmanager_job_numRestarts[90s])")
                .contains("        for: 2h\n")
                .contains("(time() - push_time_seconds{job=~\"ferry-.+\"}) > 20");
        assertThat(AlertRules.promDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(AlertRules.promDuration(Duration.ofMinutes(10))).isEqualTo("10m");
    }

    @Test
    void aJobsValueOfTheWrongTypeIsRefusedNamingKeyAndJob() {
        assertThatThrownBy(() -> AlertRules.render(settings(Map.of("ferry.alerts.restarts.jobs", "orders:many"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ferry.alerts.restarts.jobs")
                .hasMessageContaining("'orders'")
                .hasMessageContaining("'many'")
                .hasMessageContaining("ferry.alerts.restarts.threshold");
    }

    /**
     * Prometheus's own rule checker and unit test runner on the rendered rules: the default and a
     * job's own threshold, a dead container's metrics left out, every alert's labels and text.
     * Needs promtool (Debian's prometheus package, which sandbox/bin/install-monitoring.sh installs).
     */
    @Test
    void promtoolAcceptsTheRulesAndEveryAlertFiresAsDesigned(@TempDir Path dir) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
        Files.writeString(
                dir.resolve("ferry-alerts.yml"),
                AlertRules.render(settings(Map.of("ferry.alerts.restarts.jobs", "tolerant:20"))));
        try (InputStream test = AlertRulesTest.class.getResourceAsStream("ferry-alerts-test.yml")) {
            Files.copy(test, dir.resolve("ferry-alerts-test.yml"));
        }

        assertThat(ToolRuns.succeeding(dir, promtool.toString(), "check", "rules", "ferry-alerts.yml"))
                .contains("SUCCESS");
        assertThat(ToolRuns.succeeding(dir, promtool.toString(), "test", "rules", "ferry-alerts-test.yml"))
                .contains("SUCCESS");
    }
}
