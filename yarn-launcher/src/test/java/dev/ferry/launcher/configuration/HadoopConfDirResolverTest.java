package dev.ferry.launcher.configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HadoopConfDirResolverTest {

    @TempDir
    Path dir;

    private Path hadoopConf(String name) throws IOException {
        Path conf = Files.createDirectories(dir.resolve(name));
        Files.writeString(conf.resolve("yarn-site.xml"), "<configuration/>");
        return conf;
    }

    @Test
    void hadoopConfDirFromTheEnvironmentIsUsed() throws IOException {
        Path conf = hadoopConf("cluster");

        Path resolved = new HadoopConfDirResolver(Map.of("HADOOP_CONF_DIR", conf.toString()))
                .resolve(Optional.empty(), false, dir.resolve("sandbox"));

        assertThat(resolved).isEqualTo(conf);
    }

    @Test
    void theSandboxIsUsedOnlyWhenAskedFor() throws IOException {
        Path cluster = hadoopConf("cluster");
        Path sandboxConf = hadoopConf("sandbox/conf");
        HadoopConfDirResolver resolver = new HadoopConfDirResolver(Map.of("HADOOP_CONF_DIR", cluster.toString()));

        assertThat(resolver.resolve(Optional.empty(), false, dir.resolve("sandbox")))
                .isEqualTo(cluster);
        assertThat(resolver.resolve(Optional.empty(), true, dir.resolve("sandbox")))
                .isEqualTo(sandboxConf);
    }

    @Test
    void anExplicitDirectoryWinsOverEverything() throws IOException {
        Path explicit = hadoopConf("explicit");
        Path cluster = hadoopConf("cluster");

        Path resolved = new HadoopConfDirResolver(Map.of("HADOOP_CONF_DIR", cluster.toString()))
                .resolve(Optional.of(explicit), true, dir.resolve("sandbox"));

        assertThat(resolved).isEqualTo(explicit);
    }

    @Test
    void noConfigurationAnywhereIsAClearError() {
        assertThatThrownBy(() -> new HadoopConfDirResolver(Map.of()).resolve(Optional.empty(), false, dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("set HADOOP_CONF_DIR");
    }

    @Test
    void aDirectoryWithoutYarnSiteIsRefusedByName() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> new HadoopConfDirResolver(Map.of("HADOOP_CONF_DIR", empty.toString()))
                        .resolve(Optional.empty(), false, dir))
                .hasMessageContaining("HADOOP_CONF_DIR points at " + empty)
                .hasMessageContaining("no yarn-site.xml");
    }
}
