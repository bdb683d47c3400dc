package dev.ferry.ha.failover;

import dev.ferry.ha.ZooKeeperTestServer;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.runtime.highavailability.HighAvailabilityServices;
import org.apache.flink.runtime.leaderelection.LeaderContender;
import org.apache.flink.runtime.leaderelection.LeaderElection;
import org.apache.flink.runtime.util.ZooKeeperUtils;
import org.apache.flink.shaded.curator5.org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flink's own leader election on a real ZooKeeper server, through the factory Ferry deploys. An
 * earlier JobManager that is "dead" keeps its ZooKeeper session open here for the whole test, as a
 * killed process's session stays open until it times out: without fencing, nobody else could be
 * elected before the test ends.
 */
class FencingZooKeeperHaServicesFactoryTest extends ZooKeeperTestServer {

    private static final String CLUSTER_ID = "application_1700000000000_0007";
    private static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path haStorage;

    private Configuration config;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private CuratorFramework flinkClient;

    @BeforeEach
    void flinkConfiguration() {
        config = new Configuration();
        config.set(HighAvailabilityOptions.HA_MODE, FencingZooKeeperHaServicesFactory.class.getName());
        config.set(HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM, server.getConnectString());
        config.set(HighAvailabilityOptions.HA_ZOOKEEPER_ROOT, paths.root() + "-flink");
        config.set(HighAvailabilityOptions.HA_CLUSTER_ID, CLUSTER_ID);
        config.set(HighAvailabilityOptions.HA_STORAGE_PATH, haStorage.toUri().toString());
        config.set(HighAvailabilityOptions.ZOOKEEPER_SESSION_TIMEOUT, Duration.ofSeconds(40));
        flinkClient = ZooKeeperUtils.startCuratorFramework(config, error -> {}).asCuratorFramework();
        opened.add(flinkClient);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void givenALeaderWhoseSessionIsStillOpen_whenTheNextAttemptsJobManagerStarts_thenItIsElectedAtOnce()
            throws Exception {
        // given: attempt 1's JobManager is leader, and its session outlives it
        Contender first = elect(jobManager("container_1700000000000_0007_01_000001"));
        first.granted.get(ELECTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        // when: YARN starts attempt 2's JobManager
        Contender second = elect(jobManager("container_1700000000000_0007_02_000001"));

        // then: it is leader while the first session is still open, and the only one in the latch
        UUID session = second.granted.get(ELECTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(session).isNotNull();
        assertThat(latchEntries()).hasSize(1);
    }

    @Test
    void givenALeader_whenAnotherJobManagerOfTheSameAttemptStarts_thenItOnlyQueuesBehindTheLeader() throws Exception {
        // given
        Contender first = elect(jobManager("container_1700000000000_0007_01_000001"));
        first.granted.get(ELECTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        // when: a process that follows no earlier attempt joins (e.g. started by hand with the same cluster id)
        Contender second = elect(jobManager("container_1700000000000_0007_01_000001"));
        awaitLatchEntries(2);

        // then: the leader keeps its place, and nobody fenced it
        assertThat(second.granted).isNotDone();
        assertThat(first.revoked).isFalse();
    }

    @Test
    void givenALeader_whenATaskManagerOfALaterAttemptCreatesItsHaServices_thenTheLeaderIsUntouched() throws Exception {
        // given
        Contender first = elect(jobManager("container_1700000000000_0007_01_000001"));
        first.granted.get(ELECTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> before = latchEntries();

        // when: a TaskManager container (not container 1) of attempt 2 starts its HA services
        jobManager("container_1700000000000_0007_02_000003");

        // then
        assertThat(latchEntries()).isEqualTo(before);
    }

    private HighAvailabilityServices jobManager(String containerId) throws Exception {
        var factory = new FencingZooKeeperHaServicesFactory(Map.of("CONTAINER_ID", containerId));
        var executor = Executors.newSingleThreadExecutor();
        opened.add(executor::shutdownNow);
        HighAvailabilityServices services = factory.createHAServices(config, executor);
        opened.add(services);
        return services;
    }

    private Contender elect(HighAvailabilityServices services) throws Exception {
        LeaderElection election = services.getResourceManagerLeaderElection();
        opened.add(election);
        Contender contender = new Contender();
        election.startLeaderElection(contender);
        return contender;
    }

    private List<String> latchEntries() throws Exception {
        return flinkClient.getChildren().forPath(PreviousLeaderFencer.LATCH_PATH);
    }

    private void awaitLatchEntries(int count) throws Exception {
        long deadline = System.nanoTime() + ELECTION_TIMEOUT.toNanos();
        while (flinkClient.checkExists().forPath(PreviousLeaderFencer.LATCH_PATH) == null
                || latchEntries().size() < count) {
            assertThat(System.nanoTime()).as("latch entries").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Records what Flink's leader election tells a contender. */
    private static final class Contender implements LeaderContender {
        final CompletableFuture<UUID> granted = new CompletableFuture<>();
        volatile boolean revoked;

        @Override
        public void grantLeadership(UUID leaderSessionId) {
            granted.complete(leaderSessionId);
        }

        @Override
        public void revokeLeadership() {
            revoked = true;
        }

        @Override
        public void handleError(Exception exception) {
            granted.completeExceptionally(exception);
        }
    }
}
