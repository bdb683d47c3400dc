package dev.ferry.launcher.files;

import dev.ferry.sandbox.cluster.ClientConfiguration;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flink's file systems in the client JVM after a command chose its cluster by a Hadoop conf dir
 * that is neither HADOOP_CONF_DIR nor on the class path (--hadoop-conf-dir, --sandbox).
 */
class ClientFileSystemsTest {

    @TempDir
    Path hadoopConfDir;

    @AfterEach
    void forgetTheCluster() {
        FileSystem.initialize(new Configuration(), null);
    }

    @Test
    void givenNoClusterConfiguration_whenAPathWithoutAuthorityIsOpened_thenFlinkCannotTellWhichNameNode() {
        FileSystem.initialize(new Configuration(), null);

        assertThatThrownBy(() -> FileSystem.get(URI.create("hdfs:///out")))
                .hasMessageContaining("did not describe the authority");
    }

    @Test
    void givenTheClustersConfDir_whenAPathWithoutAuthorityIsOpened_thenItIsOnTheClustersDefaultFileSystem()
            throws Exception {
        // given: a cluster whose core-site.xml names its NameNode (nothing listens there: opening does not connect)
        ClientConfiguration.writeSite(
                hadoopConfDir.resolve("core-site.xml"), Map.of("fs.defaultFS", "hdfs://localhost:1"));

        // when
        ClientFileSystems.useClusterConfiguration(hadoopConfDir);

        // then
        assertThat(FileSystem.get(URI.create("hdfs:///out")).getUri()).isEqualTo(URI.create("hdfs://localhost:1"));
    }

    @Test
    void givenCoreAndHdfsSite_whenTurnedIntoFlinkSettings_thenEveryKeyIsAFlinkHadoopSetting() throws Exception {
        // given
        ClientConfiguration.writeSite(hadoopConfDir.resolve("core-site.xml"), Map.of("fs.defaultFS", "hdfs://nn:8020"));
        ClientConfiguration.writeSite(hadoopConfDir.resolve("hdfs-site.xml"), Map.of("dfs.replication", "1"));

        // when
        Configuration settings = ClientFileSystems.settingsFor(hadoopConfDir);

        // then
        assertThat(settings.toMap())
                .containsEntry("flink.hadoop.fs.defaultFS", "hdfs://nn:8020")
                .containsEntry("flink.hadoop.dfs.replication", "1");
    }
}
