package dev.ferry.ha.zookeeper;

import dev.ferry.ha.ZooKeeperTestServer;
import dev.ferry.ha.registry.ClusterRecord;
import dev.ferry.ha.registry.ClusterRegistry;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZooKeeperConnectorTest extends ZooKeeperTestServer {

    @Test
    void givenRunningServer_whenConnect_thenClientIsConnected() {
        CuratorFramework client = connect();

        assertThat(client.getZookeeperClient().isConnected()).isTrue();
    }

    @Test
    void givenClosedPort_whenConnect_thenUnavailableWithinTheConnectionTimeout() throws IOException {
        String quorum = "127.0.0.1:" + closedPort();
        ZooKeeperSettings unreachable = ZooKeeperSettings.of(quorum).withConnectionTimeout(Duration.ofSeconds(1));
        long start = System.nanoTime();

        assertThatThrownBy(() -> connect(unreachable))
                .isInstanceOf(ZooKeeperUnavailableException.class)
                .hasMessageContaining(quorum)
                .hasMessageContaining("ferry.ha.zookeeper.quorum");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    // A separate thread: the old close() ignored the interrupt of a timed-out test.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void givenAServerThatNeverAnswers_whenConnect_thenUnavailableNamingTheQuorum() throws IOException {
        // The kernel accepts connections to a listening socket nobody serves, as for a stopped server.
        try (ServerSocket silent = new ServerSocket(0)) {
            String quorum = "127.0.0.1:" + silent.getLocalPort();
            // A long session timeout: the ZooKeeper client's own connect attempt lasts that long.
            ZooKeeperSettings hung = new ZooKeeperSettings(
                    quorum, "/ferry", Duration.ofMinutes(2), Duration.ofSeconds(1), 1, null, null);

            assertThatThrownBy(() -> connect(hung))
                    .isInstanceOf(ZooKeeperUnavailableException.class)
                    .hasMessageContaining(quorum);
        }
    }

    @Test
    void givenEmptyQuorum_whenConnect_thenErrorSaysHaIsOff() {
        assertThatThrownBy(() -> connect(ZooKeeperSettings.of("")))
                .isInstanceOf(ZooKeeperUnavailableException.class)
                .hasMessageContaining("ferry.ha.zookeeper.quorum");
    }

    @Test
    void givenRecordWrittenWithDigestCredential_whenOtherCredentialReadsIt_thenPermissionErrorNamesThePath() {
        ZooKeeperSettings alice = settings.withCredential("alice:secret");
        new ClusterRegistry(connect(alice), paths)
                .register(new ClusterRecord(
                        "etl",
                        "application_1_0001",
                        "session",
                        "default",
                        "alice",
                        Instant.now(),
                        "application_1_0001",
                        null,
                        "0.1.0"));
        ClusterRegistry mallory = new ClusterRegistry(connect(settings.withCredential("mallory:guess")), paths);

        assertThatThrownBy(() -> mallory.get("etl"))
                .isInstanceOf(ZooKeeperAccessDeniedException.class)
                .hasMessageContaining(paths.clusters())
                .hasMessageContaining("ferry.ha.zookeeper.auth.credential");
        assertThat(new ClusterRegistry(connect(alice), paths).get("etl")).isPresent();
    }

    @Test
    void givenCredential_whenToString_thenItIsHidden() {
        assertThat(settings.withCredential("alice:secret").toString()).doesNotContain("secret");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
