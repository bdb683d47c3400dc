package dev.ferry.bench.yarn;

import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.deployment.ClusterConfigurationFactory;
import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.deployment.ClusterName;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ResourceManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;

import java.util.List;
import java.util.Optional;

/**
 * The configuration stock Flink 1.20.1 deploys a YARN session with: Flink's defaults, the values
 * stock flink-dist's conf/config.yaml sets, and only what running on this YARN needs. None of
 * Ferry's settings, no staged libraries: the dist jar and lib/ are shipped on every deploy.
 */
public final class StockFlinkConfiguration {

    /** Stock config.yaml: jobmanager.memory.process.size (Ferry: 1024m). */
    static final MemorySize JOB_MANAGER_MEMORY = MemorySize.parse("1600m");
    /** Stock config.yaml: taskmanager.memory.process.size (Ferry: the same). */
    static final MemorySize TASK_MANAGER_MEMORY = MemorySize.parse("1728m");

    private final EffectiveConfiguration ferry;
    private final ClusterConfigurationFactory configurations;

    public StockFlinkConfiguration(EffectiveConfiguration ferry, ClusterConfigurationFactory configurations) {
        this.ferry = ferry;
        this.configurations = configurations;
    }

    /** A stock session's configuration, named and tagged so that Ferry can find and kill it. */
    public Configuration session(ClusterName name, String queue, String deployId) {
        Configuration config = new Configuration();
        config.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, JOB_MANAGER_MEMORY);
        config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, TASK_MANAGER_MEMORY);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        config.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        // Java 17: the --add-opens list stock config.yaml ships too; the same key in Ferry's.
        copy(CoreOptions.FLINK_JVM_OPTIONS, config);
        // A Java 17 home where the operator had to name one (else the client's, as for Ferry).
        for (String prefix : List.of(
                ResourceManagerOptions.CONTAINERIZED_MASTER_ENV_PREFIX,
                ResourceManagerOptions.CONTAINERIZED_TASK_MANAGER_ENV_PREFIX)) {
            Optional.ofNullable(ferry.toFlinkConfiguration().toMap().get(prefix + "JAVA_HOME"))
                    .ifPresent(home -> config.setString(prefix + "JAVA_HOME", home));
        }
        configurations.identify(config, name, ClusterMode.SESSION, queue, deployId);
        configurations.addDistribution(config, Optional.empty());
        return config;
    }

    /** What stock Flink's client builds a job graph with: its defaults. */
    public Configuration client() {
        Configuration config = new Configuration();
        config.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        return config;
    }

    private void copy(ConfigOption<String> option, Configuration to) {
        Configuration from = ferry.toFlinkConfiguration();
        if (from.contains(option)) {
            to.set(option, from.get(option));
        }
    }
}
