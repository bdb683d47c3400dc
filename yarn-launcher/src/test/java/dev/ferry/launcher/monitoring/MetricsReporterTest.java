package dev.ferry.launcher.monitoring;

import dev.ferry.launcher.configuration.ConfigurationException;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporter;
import org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory;
import org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsReporterTest {

    private static final String PREFIX = "metrics.reporter.ferry.";

    private static Configuration withPushgateway(String url) {
        Configuration config = new Configuration();
        config.setString("ferry.metrics.pushgateway.url", url);
        return config;
    }

    @Test
    void withoutAPushgatewayClustersGetNoReporter() {
        Configuration config = new Configuration();

        MetricsReporter.configure(config, "analytics", "default");

        assertThat(config.keySet()).noneMatch(key -> key.startsWith("metrics."));
    }

    @Test
    void aDisabledReporterIsLeftOutEvenWithAPushgateway() {
        Configuration config = withPushgateway("http://pg:9091");
        config.setString("ferry.metrics.enabled", "false");

        MetricsReporter.configure(config, "analytics", "default");

        assertThat(config.keySet()).noneMatch(key -> key.startsWith("metrics."));
    }

    @Test
    void everyContainerPushesToItsOwnGroupLabelledWithClusterAndQueue() {
        Configuration config = withPushgateway("http://pg.example.com:9091/");

        MetricsReporter.configure(config, "orders-v2", "root.analytics");

        Map<String, String> settings = config.toMap();
        assertThat(settings)
                .containsEntry(PREFIX + "factory.class", MetricsReporter.FACTORY)
                .containsEntry(PREFIX + "hostUrl", "http://pg.example.com:9091")
                .containsEntry(PREFIX + "interval", "15 s")
                .containsEntry(PREFIX + "jobName", "ferry-orders-v2")
                .containsEntry(PREFIX + "randomJobNameSuffix", "true")
                .containsEntry(PREFIX + "deleteOnShutdown", "true")
                .containsEntry(PREFIX + "filterLabelValueCharacters", "false")
                .containsEntry(PREFIX + "groupingKey", "ferry_cluster=orders-v2;ferry_queue=root.analytics");
        assertThat(config.get(org.apache.flink.configuration.ConfigOptions.key(
                                PREFIX + MetricOptions.REPORTER_ADDITIONAL_VARIABLES.key())
                        .mapType()
                        .noDefaultValue()))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("ferry_cluster", "orders-v2", "ferry_queue", "root.analytics"));
        assertThat(config.get(MetricOptions.JOB_STATUS_METRICS))
                .contains(MetricOptions.JobStatusMetrics.STATE, MetricOptions.JobStatusMetrics.CURRENT_TIME);
    }

    @Test
    void aReporterAllowListGetsFerrysReporterAdded() {
        Configuration config = withPushgateway("http://pg:9091");
        config.set(MetricOptions.REPORTERS_LIST, "jmx");

        MetricsReporter.configure(config, "analytics", "default");

        assertThat(config.get(MetricOptions.REPORTERS_LIST)).isEqualTo("jmx,ferry");
    }

    @Test
    void aUrlThatIsNoHttpAddressIsRefusedNamingTheKey() {
        for (String bad : new String[] {"pg:9091", "ftp://pg:9091", "http://", "not a url"}) {
            assertThatThrownBy(() -> MetricsReporter.configure(withPushgateway(bad), "analytics", "default"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ferry.metrics.pushgateway.url")
                    .hasMessageContaining("http://host:port");
        }
    }

    @Test
    void theKeysAreThoseOfFlinksPushGatewayReporter() {
        assertThat(MetricsReporter.HOST_URL).isEqualTo(PrometheusPushGatewayReporterOptions.HOST_URL.key());
        assertThat(MetricsReporter.JOB_NAME).isEqualTo(PrometheusPushGatewayReporterOptions.JOB_NAME.key());
        assertThat(MetricsReporter.RANDOM_JOB_NAME_SUFFIX)
                .isEqualTo(PrometheusPushGatewayReporterOptions.RANDOM_JOB_NAME_SUFFIX.key());
        assertThat(MetricsReporter.DELETE_ON_SHUTDOWN)
                .isEqualTo(PrometheusPushGatewayReporterOptions.DELETE_ON_SHUTDOWN.key());
        assertThat(MetricsReporter.GROUPING_KEY).isEqualTo(PrometheusPushGatewayReporterOptions.GROUPING_KEY.key());
        assertThat(MetricsReporter.FILTER_LABEL_VALUE_CHARACTERS)
                .isEqualTo(PrometheusPushGatewayReporterOptions.FILTER_LABEL_VALUE_CHARACTER.key());
        assertThat(MetricsReporter.FACTORY).isEqualTo(PrometheusPushGatewayReporterFactory.class.getName());
    }

    @Test
    void flinksFactoryBuildsTheReporterFromTheseSettings() {
        Configuration config = withPushgateway("http://pg:9091");
        MetricsReporter.configure(config, "analytics", "default");
        MetricConfig reporterConfig = new MetricConfig();
        config.toMap().forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                reporterConfig.setProperty(key.substring(PREFIX.length()), value);
            }
        });

        assertThat(new PrometheusPushGatewayReporterFactory().createMetricReporter(reporterConfig))
                .isInstanceOf(PrometheusPushGatewayReporter.class);
    }
}
