package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.curator.framework.CuratorFramework;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a ZooKeeper quorum configured, Ferry deploys clusters with Flink's ZooKeeper HA, registers
 * them, locks their names across gateways and names their leader; a cluster YARN kills leaves its
 * HA data and registry entry behind, and {@code ferry ha gc} removes exactly those. One session,
 * "live", started once, is the cluster that must be left alone; the tests that end a cluster start
 * their own.
 */
@Timeout(300)
class ZooKeeperHaIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("ha-it").withHa();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CuratorFramework zooKeeper;
    private static String liveId;

    @BeforeAll
    static void startASessionThatStaysUp() throws Exception {
        zooKeeper = cluster.zooKeeperClient();
        liveId = startSession("live");
    }

    @AfterAll
    static void closeTheZooKeeperClient() {
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void givenAQuorum_whenASessionStarts_thenItRunsWithZooKeeperHaIsRegisteredAndItsLeaderIsNamed() throws Exception {
        // when
        JsonNode status = json(cluster.ferry("session", "status", "live", "-o", "json"));

        // then: Flink's HA znodes, Ferry's registry entry, and the leader the JobManager published
        assertThat(hasZnodes(liveId)).isTrue();
        assertThat(new String(
                        zooKeeper.getData().forPath(cluster.ferryZnode("/clusters/live")), StandardCharsets.UTF_8))
                .contains(liveId);
        String webUrl = status.get("webUrl").asText();
        // Same JobManager; Flink publishes its address as an IP where YARN names the host.
        assertThat(status.get("leader").asText())
                .startsWith("http://")
                .endsWith(webUrl.substring(webUrl.lastIndexOf(':')));
        assertThat(status.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void givenAClusterYarnKilled_whenHaGcRuns_thenItsHaDataAndRegistryEntryGoAndTheLiveClustersStay() throws Exception {
        // given: a session whose job graph is in the HA storage, both clusters live in 'ha status'
        String killedId = startSession("doomed");
        String jar = cluster.home().resolve("examples/StreamingWordCount.jar").toString();
        json(cluster.ferry("job", "submit", "--session", "doomed", "--detached", jar, "-o", "json"));
        assertThat(hasStorage(killedId)).isTrue();
        JsonNode haStatus = json(cluster.ferry("ha", "status", "-o", "json"));
        assertThat(haStatus.get("quorum").asText()).isEqualTo(cluster.zooKeeperQuorum());
        assertThat(StreamSupport.stream(haStatus.get("clusters").spliterator(), false)
                        .filter(c -> c.get("live").asBoolean())
                        .map(c -> c.get("clusterId").asText()))
                .contains(liveId, killedId);

        // when: YARN kills it, which removes nothing
        cluster.yarn().killApplication(ApplicationId.fromString(killedId));

        // then: listed as stale; a dry run reports what gc would remove once the JobManager's
        // ZooKeeper session expired, and removes nothing
        assertThat(listed("doomed")).hasValueSatisfying(c -> {
            assertThat(c.get("state").asText()).isEqualTo("KILLED");
            assertThat(c.get("registry").asText()).isEqualTo("stale");
        });
        JsonNode dryRun = dryRunOnceTheKilledJobManagersSessionExpired(killedId, Duration.ofSeconds(90));
        assertThat(dryRun.get("removed"))
                .extracting(r -> r.get("clusterId").asText())
                .containsExactly(killedId);
        assertThat(hasZnodes(killedId)).isTrue();
        assertThat(hasStorage(killedId)).isTrue();

        // and gc removes its znodes, HA storage and registry entry, and nothing of the live cluster
        JsonNode gc = json(cluster.ferry("ha", "gc", "-o", "json"));
        assertThat(gc.get("removed"))
                .extracting(r -> r.get("clusterId").asText())
                .containsExactly(killedId);
        assertThat(gc.get("bytesFreed").asLong()).isPositive();
        assertThat(gc.get("staleRegistryEntries"))
                .extracting(e -> e.get("name").asText())
                .containsExactly("doomed");
        assertThat(hasZnodes(killedId)).isFalse();
        assertThat(hasStorage(killedId)).isFalse();
        assertThat(zooKeeper.checkExists().forPath(cluster.ferryZnode("/clusters/doomed")))
                .isNull();
        assertThat(hasZnodes(liveId)).isTrue();
        assertThat(zooKeeper.checkExists().forPath(cluster.ferryZnode("/clusters/live")))
                .isNotNull();
        assertThat(listed("live"))
                .hasValueSatisfying(c -> assertThat(c.get("state").asText()).isEqualTo("RUNNING"));
    }

    @Test
    void ferrySessionKillRemovesTheClustersHaDataOnceItsJobManagerIsGone() throws Exception {
        // given
        String id = startSession("short-lived");
        assertThat(hasZnodes(id)).isTrue();

        // when
        JsonNode killed = json(cluster.ferry("session", "kill", "short-lived", "-o", "json"));

        // then
        assertThat(killed.get("state").asText()).isEqualTo("KILLED");
        assertThat(killed.get("haData").asText()).isEqualTo("removed");
        assertThat(hasZnodes(id)).isFalse();
        assertThat(hasStorage(id)).isFalse();
        assertThat(zooKeeper.checkExists().forPath(cluster.ferryZnode("/clusters/short-lived")))
                .isNull();
    }

    @Test
    void twoStartsOfTheSameNameAtOnceLeaveExactlyOneCluster() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            // when
            Future<FerryCliRun> first = executor.submit(() -> cluster.ferry(sessionStart("twin")));
            Future<FerryCliRun> second = executor.submit(() -> cluster.ferry(sessionStart("twin")));
            FerryCliRun a = first.get(5, TimeUnit.MINUTES);
            FerryCliRun b = second.get(5, TimeUnit.MINUTES);

            // then
            assertThat(List.of(a.exitCode(), b.exitCode())).containsExactlyInAnyOrder(0, 5);
            FerryCliRun loser = a.exitCode() == 5 ? a : b;
            assertThat(loser.stderr()).containsAnyOf("is taken by", "is locked by");
            assertThat(cluster.liveApplications())
                    .extracting(ApplicationReport::getName)
                    .containsOnlyOnce("twin");
        } finally {
            executor.shutdownNow();
            cluster.ferry("session", "kill", "twin");
        }
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
        return zooKeeper.checkExists().forPath(cluster.flinkZnode("/" + clusterId)) != null;
    }

    private static boolean hasStorage(String clusterId) throws Exception {
        return cluster.fileSystem().exists(new Path(cluster.path("/ferry/ha/" + clusterId)));
    }

    private static Optional<JsonNode> listed(String name) throws Exception {
        return StreamSupport.stream(
                        json(cluster.ferry("session", "list", "--all", "-o", "json"))
                                .spliterator(),
                        false)
                .filter(c -> c.get("name").asText().equals(name))
                .findFirst();
    }

    /**
     * A killed JobManager's leader znodes are ephemeral: until its ZooKeeper session expires (the
     * session timeout), gc keeps the cluster's data, saying why.
     */
    private static JsonNode dryRunOnceTheKilledJobManagersSessionExpired(String killedId, Duration timeout)
            throws Exception {
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

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }
}
