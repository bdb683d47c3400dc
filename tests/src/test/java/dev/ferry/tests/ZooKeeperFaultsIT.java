package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.curator.framework.CuratorFramework;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Ferry does when ZooKeeper or the registry is not what it should be: an unreachable quorum
 * fails commands fast and touches nothing, a ZooKeeper restart leaves a running session and its
 * job running exactly-once, and a running cluster the registry lost shows as missing. (A cluster
 * YARN killed shows as stale until {@code ferry ha gc}: ZooKeeperHaIT.) One session, "steady",
 * started once, is what the failing commands must leave alone and what runs through the ZooKeeper
 * restart. The restart is the shared cluster's: it is back, on the same port and data, before the
 * test goes on.
 */
@Timeout(300)
class ZooKeeperFaultsIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("faults-it").withHa();

    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final String CLOSED_PORT_QUORUM = "127.0.0.1:1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startASession() throws Exception {
        startSession("steady");
    }

    /** "Fails within seconds": within its connection timeout (1 s here, 5 s by default), not a hang. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "session list",
                "session status steady",
                "session start fresh",
                "session stop nosuch",
                "session kill nosuch",
                "ha status",
                "ha gc"
            })
    @Timeout(10)
    void everyZooKeeperCommandFailsPromptlyNamingAnUnreachableQuorumAndStartsNothing(String command) throws Exception {
        // given
        List<String> before = liveNames();

        // when
        FerryCliRun run = cluster.ferry((command
                        + " -Dferry.ha.zookeeper.quorum=" + CLOSED_PORT_QUORUM
                        + " -Dferry.ha.zookeeper.connection-timeout=1s")
                .split(" "));

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains(CLOSED_PORT_QUORUM, "ferry.ha.zookeeper.quorum");
        assertThat(liveNames()).isEqualTo(before);
    }

    @Test
    void givenASessionWithACountingJob_whenZooKeeperRestarts_thenTheSameJobManagerRunsItOnExactlyOnce()
            throws Exception {
        // given: the counting job, checkpointing every second, in the session
        String jobId = json(cluster.ferry(
                        "job",
                        "submit",
                        "--session",
                        "steady",
                        "--name",
                        "steady-count",
                        "--detached",
                        cluster.home().resolve("examples/CountingJob.jar").toString(),
                        "-o",
                        "json",
                        "--",
                        "--output",
                        cluster.hdfs("/out/zk-restart"),
                        "--rate",
                        "20",
                        "--checkpoint-interval",
                        "1000"))
                .get("jobId")
                .asText();
        await(RECOVERY, () -> jobState("steady", jobId).filter("RUNNING"::equals));

        // when
        cluster.restartZooKeeper(Duration.ofSeconds(3));

        // then: the session answers, its job runs on the same JobManager (no YARN failover), the
        // registry still holds it, and the output stays exactly-once
        await(RECOVERY, () -> jobState("steady", jobId).filter("RUNNING"::equals));
        JsonNode status = json(cluster.ferry("session", "status", "steady", "-o", "json"));
        assertThat(status.get("runningJobs").asInt()).isEqualTo(1);
        assertThat(status.get("attempt").asInt()).isEqualTo(1);
        assertThat(listed("steady"))
                .hasValueSatisfying(c -> assertThat(c.get("registry").asText()).isEqualTo("registered"));
        CountingOutput output = new CountingOutput(cluster.fileSystem(), cluster.hdfs("/out/zk-restart"));
        int afterRestart = output.lines().size();
        output.awaitAtLeast(afterRestart + 20, RECOVERY);
        json(cluster.ferry("job", "stop", "steady-count", "-o", "json"));
        output.assertExactlyOnce(4);
    }

    @Test
    void aRunningClusterTheRegistryLostIsListedAsMissing() throws Exception {
        // given
        startSession("forgotten");

        // when
        try (CuratorFramework zooKeeper = cluster.zooKeeperClient()) {
            zooKeeper.delete().deletingChildrenIfNeeded().forPath(cluster.ferryZnode("/clusters/forgotten"));
        }

        // then
        assertThat(listed("forgotten"))
                .hasValueSatisfying(c -> assertThat(c.get("registry").asText()).isEqualTo("missing"));
    }

    private static String startSession(String name) throws Exception {
        return json(cluster.ferry(
                        "session",
                        "start",
                        name,
                        "--jm-memory",
                        "1024m",
                        "--tm-memory",
                        "1024m",
                        "-Dtaskmanager.memory.managed.fraction=0.1",
                        "-o",
                        "json"))
                .get("applicationId")
                .asText();
    }

    private static List<String> liveNames() throws Exception {
        return cluster.liveApplications().stream()
                .map(ApplicationReport::getName)
                .sorted()
                .toList();
    }

    private static Optional<JsonNode> listed(String name) throws Exception {
        return StreamSupport.stream(
                        json(cluster.ferry("session", "list", "--all", "-o", "json"))
                                .spliterator(),
                        false)
                .filter(c -> c.get("name").asText().equals(name))
                .findFirst();
    }

    /** The state of job {@code jobId} as the session's JobManager reports it, if it answers. */
    private static Optional<String> jobState(String session, String jobId) throws Exception {
        FerryCliRun run = cluster.ferry("session", "status", session, "-o", "json");
        if (run.exitCode() != 0) {
            return Optional.empty();
        }
        return StreamSupport.stream(JSON.readTree(run.stdout()).get("jobs").spliterator(), false)
                .filter(j -> j.get("jobId").asText().equals(jobId))
                .map(j -> j.get("state").asText())
                .findFirst();
    }

    private static <T> T await(Duration timeout, Callable<Optional<T>> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = condition.call();
            if (value.isPresent()) {
                return value.get();
            }
            assertThat(System.nanoTime()).as("still waiting after " + timeout).isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }
}
