package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;

import org.apache.curator.framework.CuratorFramework;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a ZooKeeper quorum configured, Ferry deploys clusters with Flink's ZooKeeper HA, registers
 * them, locks their names across gateways and names their leader; a
 * cluster YARN kills leaves its HA data behind, and {@code ferry ha gc} removes exactly that.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZooKeeperHaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static YarnTestCluster cluster;
    private static CuratorFramework zooKeeper;
    private static String liveId;
    private static String killedId;

    @BeforeAll
    static void startYarnHdfsAndZooKeeper() throws Exception {
        cluster = YarnTestCluster.startWithHa(
                "ha-it", EmbeddedCluster.builder().nodeManagerMemoryMb(4096), "ferry.session.min-taskmanagers: 0");
        zooKeeper = cluster.zooKeeperClient();
    }

    @AfterAll
    static void stopEverything() {
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static String[] sessionStart(String name) {
        return new String[] {
            "session",
            "start",
            name,
            "--jm-memory",
            "1024m",
            "--tm-memory",
            "1024m",
            "-Dtaskmanager.memory.managed.fraction=0.1",
            "-o",
            "json"
        };
    }

    private static String startSession(String name) throws Exception {
        return json(cluster.ferry(sessionStart(name))).get("applicationId").asText();
    }

    private static boolean hasZnodes(String clusterId) throws Exception {
        return zooKeeper.checkExists().forPath("/flink/" + clusterId) != null;
    }

    private static boolean hasStorage(String clusterId) throws Exception {
        return cluster.fileSystem().exists(new Path("/ferry/ha/" + clusterId));
    }

    @Test
    @Order(1)
    void clustersAreDeployedWithZooKeeperHaWhenAQuorumIsConfigured() throws Exception {
        liveId = startSession("live");
        killedId = startSession("doomed");

        assertThat(hasZnodes(liveId)).isTrue();
        assertThat(hasZnodes(killedId)).isTrue();
    }

    @Test
    @Order(2)
    void startedClustersAreInTheRegistryAndStatusNamesTheirLeader() throws Exception {
        JsonNode status = json(cluster.ferry("session", "status", "live", "-o", "json"));

        assertThat(zooKeeper.checkExists().forPath("/ferry/clusters/live")).isNotNull();
        assertThat(new String(zooKeeper.getData().forPath("/ferry/clusters/live")))
                .contains(liveId);
        String webUrl = status.get("webUrl").asText();
        // Same JobManager; Flink publishes its address as an IP where YARN names the host.
        assertThat(status.get("leader").asText())
                .startsWith("http://")
                .endsWith(webUrl.substring(webUrl.lastIndexOf(':')));
        assertThat(status.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aSubmittedJobGraphIsKeptInTheHaStorage() throws Exception {
        String jar = cluster.home().resolve("examples/StreamingWordCount.jar").toString();

        json(cluster.ferry("job", "submit", "--session", "doomed", "--detached", jar, "-o", "json"));

        assertThat(hasStorage(killedId)).isTrue();
    }

    @Test
    @Order(4)
    void haStatusListsBothClustersAsLive() throws Exception {
        JsonNode status = json(cluster.ferry("ha", "status", "-o", "json"));

        assertThat(status.get("quorum").asText()).isEqualTo(cluster.zooKeeperQuorum());
        assertThat(StreamSupport.stream(status.get("clusters").spliterator(), false)
                        .filter(c -> c.get("live").asBoolean())
                        .map(c -> c.get("clusterId").asText()))
                .contains(liveId, killedId);
    }

    @Test
    @Order(5)
    void aYarnKillLeavesHaDataThatADryRunOnlyReports() throws Exception {
        cluster.yarn().killApplication(ApplicationId.fromString(killedId));

        JsonNode report = dryRunOnceTheKilledJobManagersSessionExpired(Duration.ofSeconds(90));

        assertThat(report.get("removed")).hasSize(1);
        assertThat(report.get("removed").get(0).get("clusterId").asText()).isEqualTo(killedId);
        assertThat(hasZnodes(killedId)).isTrue();
        assertThat(hasStorage(killedId)).isTrue();
    }

    /**
     * A killed JobManager's leader znodes are ephemeral: until its ZooKeeper session expires (the
     * session timeout), gc keeps the cluster's data, saying why.
     */
    private static JsonNode dryRunOnceTheKilledJobManagersSessionExpired(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode report = json(cluster.ferry("ha", "gc", "--dry-run", "-o", "json"));
            if (report.get("removed").size() > 0 || System.nanoTime() > deadline) {
                return report;
            }
            assertThat(report.get("kept"))
                    .extracting(k -> k.get("clusterId").asText())
                    .containsExactly(killedId);
            Thread.sleep(1000);
        }
    }

    @Test
    @Order(6)
    void haGcRemovesTheKilledClustersDataAndLeavesTheLiveOnesAlone() throws Exception {
        JsonNode report = json(cluster.ferry("ha", "gc", "-o", "json"));

        assertThat(report.get("removed"))
                .extracting(r -> r.get("clusterId").asText())
                .containsExactly(killedId);
        assertThat(report.get("bytesFreed").asLong()).isPositive();
        assertThat(hasZnodes(killedId)).isFalse();
        assertThat(hasStorage(killedId)).isFalse();
        assertThat(hasZnodes(liveId)).isTrue();
        assertThat(cluster.ferry("session", "status", "live", "-o", "json").stdout())
                .contains("\"RUNNING\"");
    }

    @Test
    @Order(7)
    void ferrySessionKillRemovesTheClustersHaDataOnceItsJobManagerIsGone() throws Exception {
        String id = startSession("short-lived");
        assertThat(hasZnodes(id)).isTrue();

        JsonNode killed = json(cluster.ferry("session", "kill", "short-lived", "-o", "json"));

        assertThat(killed.get("state").asText()).isEqualTo("KILLED");
        assertThat(killed.get("haData").asText()).isEqualTo("removed");
        assertThat(hasZnodes(id)).isFalse();
        assertThat(hasStorage(id)).isFalse();
        assertThat(zooKeeper.checkExists().forPath("/ferry/clusters/short-lived"))
                .isNull();
    }

    @Test
    @Order(8)
    void twoStartsOfTheSameNameAtOnceLeaveExactlyOneCluster() throws Exception {
        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = executor.submit(() -> cluster.ferry(sessionStart("twin")));
            var second = executor.submit(() -> cluster.ferry(sessionStart("twin")));
            FerryCliRun a = first.get(5, java.util.concurrent.TimeUnit.MINUTES);
            FerryCliRun b = second.get(5, java.util.concurrent.TimeUnit.MINUTES);

            assertThat(List.of(a.exitCode(), b.exitCode())).containsExactlyInAnyOrder(0, 5);
            FerryCliRun loser = a.exitCode() == 5 ? a : b;
            assertThat(loser.stderr()).containsAnyOf("is taken by", "is locked by");
            assertThat(cluster.yarn().getApplications(Set.of("Apache Flink")).stream()
                            .filter(r -> r.getName().equals("twin"))
                            .filter(r -> r.getYarnApplicationState() == YarnApplicationState.RUNNING))
                    .hasSize(1);
        } finally {
            executor.shutdownNow();
            cluster.ferry("session", "kill", "twin");
        }
    }

    @Test
    @Order(9)
    void anUnreachableQuorumFailsWithinSecondsNamingIt() {
        long start = System.nanoTime();

        FerryCliRun run = cluster.ferry(
                "ha",
                "status",
                "-Dferry.ha.zookeeper.quorum=127.0.0.1:1",
                "-Dferry.ha.zookeeper.connection-timeout=2s");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr()).contains("127.0.0.1:1").doesNotContain("\tat ");
        assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds").isLessThan(20);
    }
}
