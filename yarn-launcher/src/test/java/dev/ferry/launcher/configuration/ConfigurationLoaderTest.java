package dev.ferry.launcher.configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationLoaderTest {

    @TempDir
    Path confDir;

    @Test
    void anUnsetFerryOptionHasItsDefaultAndSaysSo() {
        EffectiveConfiguration config = new ConfigurationLoader(confDir).load(Map.of());

        assertThat(config.get(FerryOptions.QUEUE)).isEqualTo("default");
        assertThat(config.originOf(FerryOptions.QUEUE.key()).kind()).isEqualTo(ValueOrigin.Kind.DEFAULT);
    }

    @Test
    void nestedKeysInFerryYamlAreReadAsDottedKeys() throws IOException {
        Files.writeString(
                confDir.resolve("ferry.yaml"), "ferry:\n  yarn:\n    queue: analytics\n  deploy:\n    timeout: 42s\n");

        EffectiveConfiguration config = new ConfigurationLoader(confDir).load(Map.of());

        assertThat(config.get(FerryOptions.QUEUE)).isEqualTo("analytics");
        assertThat(config.get(FerryOptions.DEPLOY_TIMEOUT)).isEqualTo(Duration.ofSeconds(42));
        assertThat(config.originOf(FerryOptions.QUEUE.key()))
                .isEqualTo(ValueOrigin.file(confDir.resolve("ferry.yaml")));
    }

    @Test
    void aFlagOverridesBothFiles() throws IOException {
        Files.writeString(confDir.resolve("config.yaml"), "taskmanager.numberOfTaskSlots: 2\n");
        Files.writeString(confDir.resolve("ferry.yaml"), "ferry.yarn.queue: analytics\n");

        EffectiveConfiguration config = new ConfigurationLoader(confDir)
                .load(Map.of("ferry.yarn.queue", "etl", "taskmanager.numberOfTaskSlots", "4"));

        assertThat(config.get(FerryOptions.QUEUE)).isEqualTo("etl");
        assertThat(config.rawValue("taskmanager.numberOfTaskSlots")).isEqualTo("4");
        assertThat(config.originOf("taskmanager.numberOfTaskSlots").kind()).isEqualTo(ValueOrigin.Kind.FLAG);
    }

    @Test
    void theSandboxOverridesTheFilesAndFlagsOverrideTheSandbox() throws IOException {
        Files.writeString(
                confDir.resolve("ferry.yaml"), "ferry.ha.zookeeper.quorum: zk.prod:2181\nferry.yarn.queue: etl\n");
        Map<String, String> sandbox =
                Map.of("ferry.ha.zookeeper.quorum", "localhost:2181", "ferry.yarn.queue", "default");

        EffectiveConfiguration config = new ConfigurationLoader(confDir)
                .load(sandbox, ValueOrigin.sandbox(Path.of("/sandbox")), Map.of("ferry.yarn.queue", "analytics"));

        assertThat(config.rawValue("ferry.ha.zookeeper.quorum")).isEqualTo("localhost:2181");
        assertThat(config.originOf("ferry.ha.zookeeper.quorum").kind()).isEqualTo(ValueOrigin.Kind.SANDBOX);
        assertThat(config.get(FerryOptions.QUEUE)).isEqualTo("analytics");
    }

    @Test
    void flinkKeysFromConfigYamlAreKeptWithTheirFile() throws IOException {
        Files.writeString(confDir.resolve("config.yaml"), "parallelism.default: 3\n");

        EffectiveConfiguration config = new ConfigurationLoader(confDir).load(Map.of());

        assertThat(config.rawValue("parallelism.default")).isEqualTo("3");
        assertThat(config.explicitKeys()).containsKey("parallelism.default");
    }

    @Test
    void aFerryYamlThatIsNotAMapIsRefusedWithItsPath() throws IOException {
        Files.writeString(confDir.resolve("ferry.yaml"), "- just\n- a list\n");

        assertThatThrownBy(() -> new ConfigurationLoader(confDir).load(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ferry.yaml must be a map");
    }
}
