package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;

import org.apache.curator.framework.CuratorFramework;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Ferry does when ZooKeeper or the registry is not what it should be: an unreachable quorum
 * fails commands fast, a cluster YARN killed shows as stale in the registry until {@code ferry
 * ha gc}, a running cluster the registry lost shows as missing, and a ZooKeeper restart leaves a
 * running session and its job running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZooKeeperFaultsIT {

    /** What "fails within seconds" means here: well below a hang, with the default 5 s connection timeout. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final String CLOSED_PORT_QUORUM = "127.0.0.1:1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static YarnTestCluster cluster;
    private static CuratorFramework zooKeeper;
    private static String jobId;

    @BeforeAll
    static void startYarnHdfsAndZooKeeper() throws Exception {
        cluster = YarnTestCluster.startWithHa(
                "faults-it", EmbeddedCluster.builder().nodeManagerMemoryMb(4096), "ferry.session.min-taskmanagers: 0");
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

    private static Optional<JsonNode> listed(String name) throws Exception {
        return StreamSupport.stream(
                        json(cluster.ferry("session", "list", "--all", "-o", "json"))
                                .spliterator(),
                        false)
                .filter(c -> c.get("name").asText().equals(name))
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

    /** The state of job {@link #jobId} as the session's JobManager reports it, if it answers. */
    private static Optional<String> jobState() throws Exception {
        FerryCliRun run = cluster.ferry("session", "status", "steady", "-o", "json");
        if (run.exitCode() != 0) {
            return Optional.empty();
        }
        return StreamSupport.stream(JSON.readTree(run.stdout()).get("jobs").spliterator(), false)
                .filter(j -> j.get("jobId").asText().equals(jobId))
                .map(j -> j.get("state").asText())
                .findFirst();
    }

    @Test
    @Order(1)
    void aSessionWithARunningJob() throws Exception {
        startSession("steady");
        String jar = cluster.home().resolve("examples/CountingJob.jar").toString();

        jobId = json(cluster.ferry(
                        "job",
                        "submit",
                        "--session",
                        "steady",
                        "--name",
                        "steady-count",
                        "--detached",
                        jar,
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

        assertThat(await(RECOVERY, () -> jobState().filter("RUNNING"::equals))).isEqualTo("RUNNING");
    }

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
    @Order(2)
    void everyZooKeeperCommandFailsPromptlyNamingAnUnreachableQuorum(String command) {
        long started = System.nanoTime();

        FerryCliRun run = cluster.ferry((command + " -Dferry.ha.zookeeper.quorum=" + CLOSED_PORT_QUORUM).split(" "));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains(CLOSED_PORT_QUORUM, "ferry.ha.zookeeper.quorum");
    }

    @Test
    @Order(3)
    void theSessionIsUntouchedByTheFailedCommands() throws Exception {
        assertThat(listed("fresh")).isEmpty();
        assertThat(listed("steady"))
                .hasValueSatisfying(c -> assertThat(c.get("state").asText()).isEqualTo("RUNNING"));
    }

    @Test
    @Order(4)
    void afterAZooKeeperRestartTheSessionAnswersAndItsJobIsRunningOnTheSameJobManager() throws Exception {
        cluster.restartZooKeeper(Duration.ofSeconds(3));

        String state = await(RECOVERY, () -> jobState().filter("RUNNING"::equals));

        assertThat(state).isEqualTo("RUNNING");
        JsonNode status = json(cluster.ferry("session", "status", "steady", "-o", "json"));
        assertThat(status.get("runningJobs").asInt()).isEqualTo(1);
        assertThat(status.get("attempt").asInt())
                .as("the same JobManager, no YARN failover")
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void theCountingJobsOutputStaysExactlyOnceAcrossTheZooKeeperRestart() throws Exception {
        CountingOutput output = new CountingOutput(cluster.fileSystem(), cluster.hdfs("/out/zk-restart"));
        int afterRestart = output.lines().size();

        output.awaitAtLeast(afterRestart + 20, RECOVERY);
        json(cluster.ferry("job", "stop", "steady-count", "-o", "json"));

        output.assertExactlyOnce(4);
    }

    @Test
    @Order(6)
    void afterAZooKeeperRestartTheRegistryStillHoldsTheSession() throws Exception {
        assertThat(listed("steady"))
                .hasValueSatisfying(c -> assertThat(c.get("registry").asText()).isEqualTo("registered"));
    }

    @Test
    @Order(7)
    void aClusterKilledThroughYarnIsListedAsStale() throws Exception {
        String id = startSession("doomed");

        cluster.yarn().killApplication(ApplicationId.fromString(id));

        assertThat(listed("doomed")).hasValueSatisfying(c -> {
            assertThat(c.get("state").asText()).isEqualTo("KILLED");
            assertThat(c.get("registry").asText()).isEqualTo("stale");
        });
    }

    @Test
    @Order(8)
    void haGcRemovesTheStaleRegistryEntryAndKeepsTheLiveOne() throws Exception {
        JsonNode report = json(cluster.ferry("ha", "gc", "-o", "json"));

        assertThat(report.get("staleRegistryEntries"))
                .extracting(e -> e.get("name").asText())
                .containsExactly("doomed");
        assertThat(zooKeeper.checkExists().forPath("/ferry/clusters/doomed")).isNull();
        assertThat(zooKeeper.checkExists().forPath("/ferry/clusters/steady")).isNotNull();
        assertThat(listed("doomed"))
                .hasValueSatisfying(c -> assertThat(c.get("registry").isNull()).isTrue());
    }

    @Test
    @Order(9)
    void aRunningClusterTheRegistryLostIsListedAsMissing() throws Exception {
        zooKeeper.delete().deletingChildrenIfNeeded().forPath("/ferry/clusters/steady");

        assertThat(listed("steady"))
                .hasValueSatisfying(c -> assertThat(c.get("registry").asText()).isEqualTo("missing"));
    }
}
