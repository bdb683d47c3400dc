package dev.ferry.sql;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.FlinkUserCodeClassLoaders;
import org.apache.flink.util.MutableURLClassLoader;

import java.net.URL;
import java.util.Optional;

/**
 * Creates the TableEnvironment a script runs in, on the right execution environment: the one
 * Flink's application-mode entry point installs as context (its jobs go to the dispatcher the
 * program runs in), otherwise one for the configured {@code execution.target} (remote, a YARN
 * session, local). Ferry's SQL defaults ({@link FerrySqlDefaults}) fill what neither the given
 * configuration nor the environment's (a cluster's config.yaml) sets.
 */
final class TableEnvironmentFactory {

    private TableEnvironmentFactory() {}

    /**
     * A script's TableEnvironment, and the classloader its jobs are built with when it can take
     * the script's added jars (see {@link AddedJars}).
     */
    record ScriptEnvironment(StreamTableEnvironment tableEnv, Optional<MutableURLClassLoader> jobClassLoader) {}

    static ScriptEnvironment create(Configuration flinkConfig, RuntimeExecutionMode mode) {
        Configuration config = new Configuration(flinkConfig);
        config.set(ExecutionOptions.RUNTIME_MODE, mode);
        Optional<MutableURLClassLoader> jobClassLoader = Optional.empty();
        StreamExecutionEnvironment environment = contextOrLocal(config);
        if (environment instanceof LocalStreamEnvironment && remoteTarget(config)) {
            // Without a context, Flink hands out a local environment that ignores execution.target.
            MutableURLClassLoader loader = FlinkUserCodeClassLoaders.parentFirst(
                    new URL[0], TableEnvironmentFactory.class.getClassLoader(), error -> {}, false);
            environment = new StreamExecutionEnvironment(config, loader);
            jobClassLoader = Optional.of(loader);
        } else if (!(environment instanceof LocalStreamEnvironment)
                && Thread.currentThread().getContextClassLoader() instanceof MutableURLClassLoader program) {
            // Application mode: the context environment builds jobs with the program's classloader,
            // which Flink made the thread's while it runs the program's main method.
            jobClassLoader = Optional.of(program);
        }
        Configuration environmentConfig =
                Configuration.fromMap(environment.getConfiguration().toMap());
        FerrySqlDefaults.fillIn(config, key -> config.containsKey(key) || environmentConfig.containsKey(key));
        EnvironmentSettings settings =
                EnvironmentSettings.newInstance().withConfiguration(config).build();
        return new ScriptEnvironment(StreamTableEnvironment.create(environment, settings), jobClassLoader);
    }

    private static StreamExecutionEnvironment contextOrLocal(Configuration config) {
        return StreamExecutionEnvironment.getExecutionEnvironment(config);
    }

    private static boolean remoteTarget(Configuration config) {
        return config.getOptional(DeploymentOptions.TARGET)
                .filter(t -> !t.equals("local"))
                .isPresent();
    }
}
