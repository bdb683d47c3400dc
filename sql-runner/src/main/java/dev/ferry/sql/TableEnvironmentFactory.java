package dev.ferry.sql;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Creates the TableEnvironment a script runs in, on the right execution environment: the one
 * Flink's application-mode entry point installs as context (its jobs go to the dispatcher the
 * program runs in), otherwise one for the configured {@code execution.target} (remote, a YARN
 * session, local). Ferry's SQL defaults ({@link FerrySqlDefaults}) fill what neither the given
 * configuration nor the environment's (a cluster's config.yaml) sets.
 */
final class TableEnvironmentFactory {

    private TableEnvironmentFactory() {}

    static StreamTableEnvironment create(Configuration flinkConfig, RuntimeExecutionMode mode) {
        Configuration config = new Configuration(flinkConfig);
        config.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment environment = environment(config);
        Configuration environmentConfig =
                Configuration.fromMap(environment.getConfiguration().toMap());
        FerrySqlDefaults.fillIn(config, key -> config.containsKey(key) || environmentConfig.containsKey(key));
        EnvironmentSettings settings =
                EnvironmentSettings.newInstance().withConfiguration(config).build();
        return StreamTableEnvironment.create(environment, settings);
    }

    private static StreamExecutionEnvironment environment(Configuration config) {
        StreamExecutionEnvironment contextOrLocal = StreamExecutionEnvironment.getExecutionEnvironment(config);
        // Without a context, Flink hands out a local environment that ignores execution.target.
        boolean noContext = contextOrLocal instanceof LocalStreamEnvironment;
        boolean remoteTarget = config.getOptional(DeploymentOptions.TARGET)
                .filter(t -> !t.equals("local"))
                .isPresent();
        return noContext && remoteTarget ? new StreamExecutionEnvironment(config) : contextOrLocal;
    }
}
