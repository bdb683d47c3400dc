package dev.ferry.sql;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.util.FlinkUserCodeClassLoaders;
import org.apache.flink.util.MutableURLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the Flink internal that {@link AddedJars} reads (a TableEnvironment's resource manager):
 * a Flink upgrade that moves it fails here, before a SQL job with function jars fails on a cluster.
 */
class AddedJarsTest {

    @Test
    void givenAnAddedJar_whenSharedWithTheJobClassLoader_thenThatLoaderHasItOnce(@TempDir Path dir) throws IOException {
        // given
        Path jar = ClasslessJar.in(dir);
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tableEnv.executeSql("ADD JAR '" + jar + "'");
        MutableURLClassLoader jobClassLoader =
                FlinkUserCodeClassLoaders.parentFirst(new URL[0], getClass().getClassLoader(), error -> {}, false);

        // when
        AddedJars.shareWith(jobClassLoader, tableEnv);
        AddedJars.shareWith(jobClassLoader, tableEnv);

        // then
        assertThat(jobClassLoader.getURLs()).hasSize(1);
        assertThat(jobClassLoader.getURLs()[0].getPath()).endsWith("functions.jar");
        assertThat(jobClassLoader.getResource("README")).isNotNull();
    }
}
