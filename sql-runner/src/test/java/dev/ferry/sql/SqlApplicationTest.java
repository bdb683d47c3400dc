package dev.ferry.sql;

import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application-mode entry point. Flink's application entry point installs a context
 * environment before it calls main(); the test installs one the same way (pointing at a
 * MiniCluster instead of the embedded dispatcher) and checks the job goes there.
 */
class SqlApplicationTest {

    private MiniCluster cluster;

    @AfterEach
    void cleanUp() throws Exception {
        StreamContextEnvironment.unsetAsContext();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void decodesTheScriptFromItsArgument() {
        // given
        String script = "SELECT 'ünïcode; and quotes';\nSELECT 2";
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThat(SqlApplication.scriptFrom(new String[] {"--script-base64", encoded}))
                .isEqualTo(script);
    }

    @Test
    void rejectsOtherArguments() {
        // when / then
        assertThatThrownBy(() -> SqlApplication.scriptFrom(new String[] {"script.sql"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--script-base64");
    }

    @Test
    void readsTheHiveCatalogOptionsAfterTheScript() {
        // given
        String encoded = Base64.getEncoder().encodeToString("SELECT 1".getBytes(StandardCharsets.UTF_8));

        // when
        ApplicationArguments arguments = ApplicationArguments.parse(new String[] {
            "--script-base64", encoded,
            "--hive-catalog", "ferry.hive-catalog.conf-dir=ferry-hive-conf",
            "--hive-catalog", "ferry.hive-catalog.default-catalog=true"
        });

        // then
        assertThat(arguments.script()).isEqualTo("SELECT 1");
        assertThat(arguments.hiveCatalogOptions())
                .containsOnly(
                        java.util.Map.entry("ferry.hive-catalog.conf-dir", "ferry-hive-conf"),
                        java.util.Map.entry("ferry.hive-catalog.default-catalog", "true"));
    }

    @Test
    void readsTheJarsToAddInTheirOrder() {
        // when
        ApplicationArguments arguments = ApplicationArguments.parse(new String[] {
            "--script-base64", "",
            "--jar", "hdfs://nn:8020/ferry/artifacts/ab/udf.jar",
            "--hive-catalog", "ferry.hive-catalog.default-catalog=true",
            "--jar", "hdfs://nn:8020/ferry/artifacts/cd/connector.jar"
        });

        // then
        assertThat(arguments.jars())
                .containsExactly(
                        "hdfs://nn:8020/ferry/artifacts/ab/udf.jar", "hdfs://nn:8020/ferry/artifacts/cd/connector.jar");
        assertThat(arguments.hiveCatalogOptions()).containsOnlyKeys("ferry.hive-catalog.default-catalog");
    }

    @Test
    void rejectsAHiveCatalogOptionWithoutAValue() {
        // when / then
        assertThatThrownBy(() -> ApplicationArguments.parse(
                        new String[] {"--script-base64", "", "--hive-catalog", "no-equals-sign"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--hive-catalog");
    }

    @Test
    void submitsTheScriptsJobThroughTheContextEnvironment() throws Exception {
        // given
        cluster = startCluster();
        StreamContextEnvironment.setAsContext(
                new DefaultExecutorServiceLoader(),
                remote(cluster.getRestAddress().get()),
                getClass().getClassLoader(),
                true,
                false);
        String script = """
        SET 'pipeline.name' = 'from-the-context';
        CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5');
        CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
        INSERT INTO sink SELECT n FROM numbers;
        """;

        // when
        SqlApplication.main(new String[] {
            "--script-base64", Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8))
        });

        // then
        assertThat(cluster.listJobs().get())
                .extracting(JobStatusMessage::getJobName)
                .containsExactly("from-the-context");
    }

    private static MiniCluster startCluster() throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_PORT, "0");
        MiniCluster miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(1)
                .build());
        miniCluster.start();
        return miniCluster;
    }

    private static Configuration remote(URI rest) {
        Configuration config = new Configuration();
        config.set(DeploymentOptions.TARGET, "remote");
        config.set(RestOptions.ADDRESS, rest.getHost());
        config.set(RestOptions.PORT, rest.getPort());
        return config;
    }
}
