package dev.ferry.bench.nexmark;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static BenchSettings settings(Comparison comparison, Configuration ferryConfig) {
        return new BenchSettings(
                List.of("q0"), 1_000, 1, 1, 0, Path.of("results"), ferryConfig, Map.of(), "rerun", comparison);
    }

    @Test
    void theMetricsCostDiffersOnlyInTheReporterOfItsCluster() {
        Configuration ferry = new Configuration();
        ferry.setString("state.backend.type", "rocksdb");
        ferry.setString("ferry.metrics.pushgateway.url", "http://localhost:9091");

        List<Variant> variants = Comparison.METRICS.variants(settings(Comparison.METRICS, ferry));

        Variant on = variants.get(0);
        Variant off = variants.get(1);
        assertThat(on.options()).isEqualTo(off.options()).containsEntry("state.backend.type", "rocksdb");
        assertThat(off.clusterOptions()).isEmpty();
        assertThat(on.clusterOptions())
                .containsEntry(
                        "metrics.reporter.ferry.factory.class",
                        "org.apache.flink.metrics.prometheus.PrometheusPushGatewayReporterFactory")
                .containsEntry("metrics.reporter.ferry.hostUrl", "http://localhost:9091")
                .allSatisfy((key, value) -> assertThat(key).startsWith("metrics."));
        assertThat(LocalClusters.describe(variants)).startsWith("2 local MiniClusters");
    }

    @Test
    void ferryAgainstStockSharesOneCluster() {
        List<Variant> variants = Comparison.STOCK.variants(settings(Comparison.STOCK, new Configuration()));

        assertThat(variants).extracting(Variant::id).containsExactly("A", "B");
        assertThat(variants).allSatisfy(v -> assertThat(v.clusterOptions()).isEmpty());
        assertThat(LocalClusters.describe(variants)).startsWith("one local MiniCluster for both variants");
    }

    @Test
    void givenFlinksClient_thenOnlyTheClustersDiffer_ferrysWithItsConfigYamlAndNoJobCarriesAnOption() {
        Configuration ferry = new Configuration();
        ferry.setString("state.backend.type", "rocksdb");
        ferry.setString("table.exec.mini-batch.enabled", "true");
        ferry.setString("yarn.application-attempts", "4");

        List<Variant> variants = Comparison.FLINK_CLIENT.variants(settings(Comparison.FLINK_CLIENT, ferry));

        assertThat(variants).extracting(Variant::id).containsExactly("A", "B");
        assertThat(variants).allSatisfy(v -> assertThat(v.options()).isEmpty());
        assertThat(variants.get(0).clusterOptions())
                .containsEntry("state.backend.type", "rocksdb")
                .doesNotContainKey("yarn.application-attempts");
        assertThat(variants.get(1).clusterOptions()).isEmpty();
        assertThat(LocalClusters.describe(variants)).startsWith("2 local MiniClusters");
    }
}
