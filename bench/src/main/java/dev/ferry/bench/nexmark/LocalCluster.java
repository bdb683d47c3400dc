package dev.ferry.bench.nexmark;

import dev.ferry.nexmark.queries.SideInput;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

import java.net.URI;
import java.nio.file.Files;
import java.util.Map;

/**
 * One MiniCluster for a whole bench and both variants, reached through its REST endpoint as a
 * session cluster would be. Starting one per run cost 3-8 s on a loaded 2-core machine, more
 * than many runs; the variants' options travel with each job (state backend, table and
 * pipeline options).
 */
final class LocalCluster implements NexmarkClusters {

    /**
     * Managed memory of the TaskManager's slot: what a 1728m TaskManager (the stock size, which
     * Ferry keeps) gives its slot, instead of the 128m a MiniCluster takes by default. Both
     * variants get it, so RocksDB has the memory it has on a cluster.
     */
    static final MemorySize MANAGED_MEMORY_PER_SLOT = MemorySize.parse("512m");

    private final MiniCluster cluster;
    private final URI sideInput;

    /** @param clusterOptions cluster settings on top of the bench's own, e.g. a metrics reporter */
    LocalCluster(int slots, Map<String, String> clusterOptions) throws Exception {
        Configuration config = Configuration.fromMap(clusterOptions);
        config.set(RestOptions.BIND_PORT, "0");
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MANAGED_MEMORY_PER_SLOT.multiply(slots));
        sideInput =
                SideInput.writeInto(Files.createTempDirectory("ferry-nexmark-")).toUri();
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                // A MiniCluster loads no plugins unless given them: the metrics reporter of
                // Comparison.METRICS lives in plugins/ (FLINK_PLUGINS_DIR, which bin/ferry sets).
                .setPluginManager(PluginUtils.createPluginManagerFromRootFolder(config))
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
    }

    /** The same cluster for both variants: only the jobs' own options differ. */
    @Override
    public Configuration clientConfiguration(Variant variant) throws Exception {
        return NexmarkClusters.remote(cluster.getRestAddress().get());
    }

    @Override
    public URI sideInput() {
        return sideInput;
    }

    @Override
    public String description() {
        return describe();
    }

    /** What every local bench runs on, also where the cluster lives in another JVM. */
    static String describe() {
        return "one local MiniCluster for both variants (one TaskManager, "
                + MANAGED_MEMORY_PER_SLOT.getMebiBytes()
                + " MiB managed memory per slot, as a 1728m TaskManager gives its slot)";
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
