package dev.ferry.bench.nexmark;

import org.apache.flink.configuration.Configuration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local MiniClusters of a bench: one for all variants whose jobs carry their settings
 * themselves, one more for each variant that needs a cluster of its own (a metrics reporter is
 * a cluster's setting, not a job's). Only one job runs at a time, so the clusters take turns.
 */
final class LocalClusters implements NexmarkClusters {

    private final Map<Map<String, String>, LocalCluster> byClusterOptions;

    LocalClusters(int slots, List<Variant> variants) throws Exception {
        byClusterOptions = new LinkedHashMap<>();
        try {
            for (Variant variant : variants) {
                if (!byClusterOptions.containsKey(variant.clusterOptions())) {
                    byClusterOptions.put(variant.clusterOptions(), new LocalCluster(slots, variant.clusterOptions()));
                }
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    @Override
    public Configuration clientConfiguration(Variant variant) throws Exception {
        return byClusterOptions.get(variant.clusterOptions()).clientConfiguration(variant);
    }

    @Override
    public URI sideInput() {
        return byClusterOptions.values().iterator().next().sideInput();
    }

    @Override
    public String description() {
        return describe(List.copyOf(byClusterOptions.keySet()).stream()
                .map(options -> new Variant("", "", Map.of(), options))
                .toList());
    }

    /** Where {@code variants} run, also from the JVM that starts the one they run in. */
    static String describe(List<Variant> variants) {
        long clusters =
                variants.stream().map(Variant::clusterOptions).distinct().count();
        return clusters == 1
                ? LocalCluster.describe()
                : clusters + " local MiniClusters, one per variant, taking turns (each "
                        + LocalCluster.describe().replaceFirst("^one local MiniCluster for both variants \\(", "");
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (LocalCluster cluster : byClusterOptions.values()) {
            try {
                cluster.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
