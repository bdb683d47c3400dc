package dev.ferry.launcher.yarn;

import dev.ferry.hive.testing.UnansweringServer;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Hadoop configuration of a command fails calls to a ResourceManager or NameNode that
 * accepts connections and never answers, also with HA, instead of waiting for them forever.
 */
// A separate thread: a call stuck in a socket read ignores the interrupt of a timed-out test.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class YarnConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path conf;

    private void writeSite(String file, Map<String, String> properties) throws IOException {
        String body = properties.entrySet().stream()
                .map(e -> "<property><name>" + e.getKey() + "</name><value>" + e.getValue() + "</value></property>")
                .collect(Collectors.joining());
        Files.writeString(conf.resolve(file), "<configuration>" + body + "</configuration>");
    }

    @Test
    void aNameNodeThatNeverAnswersFailsAFileSystemCall() throws Exception {
        try (UnansweringServer nameNode = UnansweringServer.silent()) {
            writeSite("core-site.xml", Map.of("fs.defaultFS", "hdfs://" + nameNode.address()));
            YarnConfiguration configuration = YarnConnection.loadConfiguration(conf, TIMEOUT);

            try (FileSystem fs = FileSystem.get(configuration)) {
                assertThatThrownBy(() -> fs.listStatus(new org.apache.hadoop.fs.Path("/")))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining(String.valueOf(nameNode.port()));
            }
        }
    }

    @Test
    void haNameNodesThatNeverAnswerFailAFileSystemCall() throws Exception {
        try (UnansweringServer nn1 = UnansweringServer.silent();
                UnansweringServer nn2 = UnansweringServer.silent()) {
            writeSite(
                    "hdfs-site.xml",
                    Map.of(
                            "dfs.nameservices", "ns",
                            "dfs.ha.namenodes.ns", "nn1,nn2",
                            "dfs.namenode.rpc-address.ns.nn1", nn1.address(),
                            "dfs.namenode.rpc-address.ns.nn2", nn2.address(),
                            "dfs.client.failover.proxy.provider.ns",
                                    "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider"));
            YarnConfiguration configuration = YarnConnection.loadConfiguration(conf, TIMEOUT);

            try (FileSystem fs = FileSystem.get(URI.create("hdfs://ns/"), configuration)) {
                assertThatThrownBy(() -> fs.listStatus(new org.apache.hadoop.fs.Path("/")))
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void haResourceManagersThatNeverAnswerAreUnavailableAndNamed() throws Exception {
        try (UnansweringServer rm1 = UnansweringServer.silent();
                UnansweringServer rm2 = UnansweringServer.silent()) {
            writeSite(
                    "yarn-site.xml",
                    Map.of(
                            "yarn.resourcemanager.ha.enabled", "true",
                            "yarn.resourcemanager.ha.rm-ids", "rm1,rm2",
                            "yarn.resourcemanager.hostname.rm1", "127.0.0.1",
                            "yarn.resourcemanager.hostname.rm2", "127.0.0.1",
                            "yarn.resourcemanager.address.rm1", rm1.address(),
                            "yarn.resourcemanager.address.rm2", rm2.address()));

            FerryException error = catchThrowableOfType(
                    FerryException.class,
                    () -> YarnConnection.open(conf, TIMEOUT).close());

            assertThat(error.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(error.getMessage()).contains(rm1.address(), rm2.address(), "no answer");
        }
    }
}
