package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.curator.framework.CuratorFramework;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JobManager failover with ZooKeeper HA on a real YARN, HDFS and ZooKeeper: the JobManager (the
 * YARN application master) of a cluster running the checkpointed counting job is killed with
 * SIGKILL; YARN starts a new attempt, which fences the dead JobManager out of the leader latch, takes leadership and restores the same job from its
 * latest checkpoint, keeping the TaskManagers, and the output stays exactly-once. YARN allows the
 * attempts Ferry asks for (the shared cluster's yarn.resourcemanager.am.max-attempts).
 */
@Timeout(300)
class JobManagerFailoverIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("failover-it").withHa();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(90);
    private static final int KEYS = 4;

    private static String[] small(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of("--jm-memory", "1024m", "--tm-memory", "1024m", "-Dtaskmanager.memory.managed.fraction=0.2"));
        return all.toArray(String[]::new);
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static String[] countingJob(String output) {
        return new String[] {
            cluster.home().resolve("examples/CountingJob.jar").toString(),
            "-o",
            "json",
            "--",
            "--output",
            cluster.hdfs(output),
            "--rate",
            "20",
            "--checkpoint-interval",
            "1000"
        };
    }

    @Test
    void aSessionsJobComesBackFromItsCheckpointOnANewAttemptKeepingItsTaskManagers() throws Exception {
        // given: a session with one warm TaskManager running the counting job, some output committed
        json(cluster.ferry(small("session", "start", "ha-session", "--min-taskmanagers", "1", "-o", "json")));
        List<String> submit =
                new ArrayList<>(List.of("job", "submit", "--session", "ha-session", "--name", "fo-session"));
        submit.addAll(List.of(countingJob("/out/fo-session")));
        String jobId =
                json(cluster.ferry(submit.toArray(String[]::new))).get("jobId").asText();
        CountingOutput output = new CountingOutput(cluster.fileSystem(), cluster.hdfs("/out/fo-session"));
        output.awaitAtLeast(20, OUTPUT_TIMEOUT);
        JsonNode before = json(cluster.ferry("job", "status", "fo-session", "-o", "json"));
        Set<String> taskManagers = taskManagerIds(before.get("webUrl").asText());

        // when: the JobManager process is killed with SIGKILL
        cluster.killApplicationMaster(before.get("applicationId").asText());

        // then: a second attempt runs the same job again, from its checkpoint, on the same TaskManagers
        JsonNode after = awaitRunningOnAttempt("fo-session", "ha-session", 2);
        assertThat(after.get("jobId").asText()).isEqualTo(jobId);
        assertThat(taskManagerIds(after.get("webUrl").asText())).isEqualTo(taskManagers);
        // The dead JobManager's ZooKeeper session may still be open: it was fenced out, not waited for.
        assertThat(leaderLatchEntries(before.get("applicationId").asText())).hasSize(1);
        // and 'ferry logs' of the job reads the new attempt's JobManager, which recovered it. (The dead
        // attempt's log is served by its NodeManager on a real cluster; the embedded NodeManager serves
        // no web services, so here it is read once aggregated, below for the application cluster.)
        FerryCliRun newAttempt = cluster.ferry("logs", "fo-session", "--grep", "fo-session");
        assertThat(newAttempt.exitCode()).as(newAttempt.stderr()).isZero();
        assertThat(newAttempt.stdout()).contains("fo-session");
        int committed = output.lines().size();
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "fo-session", "-o", "json"));
        output.assertExactlyOnce(KEYS);

        // and with HA on, the job's record lives in the registry in ZooKeeper, as every gateway reads
        // it: it names the run and the stop's savepoint, and ferry.jobs.dir holds no file for it
        JsonNode record;
        try (CuratorFramework zooKeeper = zooKeeper()) {
            record = JSON.readTree(zooKeeper.getData().forPath(cluster.ferryZnode("/jobs/fo-session")));
        }
        assertThat(record.get("jobIds").get(0).asText()).isEqualTo(jobId);
        assertThat(record.get("lastSavepoint").asText()).startsWith("hdfs:");
        assertThat(cluster.fileSystem()
                        .exists(new org.apache.hadoop.fs.Path(cluster.path("/ferry/jobs/fo-session.json"))))
                .isFalse();
    }

    @Test
    void anApplicationClustersJobComesBackFromItsCheckpointOnANewAttempt() throws Exception {
        // given: the counting job in an application cluster, some output committed
        List<String> run = new ArrayList<>(List.of(small("app", "run", "--name", "fo-app")));
        run.addAll(List.of(countingJob("/out/fo-app")));
        JsonNode started = json(cluster.ferry(run.toArray(String[]::new)));
        CountingOutput output = new CountingOutput(cluster.fileSystem(), cluster.hdfs("/out/fo-app"));
        output.awaitAtLeast(20, OUTPUT_TIMEOUT);

        // when
        cluster.killApplicationMaster(started.get("applicationId").asText());

        // then
        JsonNode after = awaitRunningOnAttempt("fo-app", "fo-app", 2);
        assertThat(after.get("jobId").asText()).isEqualTo(started.get("jobId").asText());
        int committed = output.lines().size();
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "fo-app", "-o", "json"));
        output.assertExactlyOnce(KEYS);

        // and the cluster Ferry ended is forgotten: no registry entry, so 'session list' shows no stale one
        try (CuratorFramework zooKeeper = zooKeeper()) {
            assertThat(zooKeeper.checkExists().forPath(cluster.ferryZnode("/clusters")))
                    .as("the suite's registry")
                    .isNotNull();
            assertThat(zooKeeper.checkExists().forPath(cluster.ferryZnode("/clusters/fo-app")))
                    .isNull();
        }
        assertThat(json(cluster.ferry("session", "list", "-o", "json")).findValuesAsText("name"))
                .doesNotContain("fo-app");

        // and once it ended, its JobManagers' logs, the dead attempt's too, come from YARN's aggregated logs
        assertThat(awaitLogs("fo-app", "--attempt", "1", "--tail", "5000")).containsIgnoringCase("ClusterEntrypoint");
        assertThat(awaitLogs("fo-app", "--grep", "fo-app")).contains("fo-app");
    }

    /** {@code ferry logs TARGET ARGS} once YARN has aggregated an ended cluster's logs (seconds after its end). */
    private static String awaitLogs(String target, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("logs", target));
        command.addAll(List.of(args));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        FerryCliRun logs = cluster.ferry(command.toArray(String[]::new));
        while (logs.exitCode() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            logs = cluster.ferry(command.toArray(String[]::new));
        }
        assertThat(logs.exitCode()).as(logs.stderr()).isZero();
        return logs.stdout();
    }

    /** Flink's leader latch of a cluster: one entry per JobManager taking part in the election. */
    private static List<String> leaderLatchEntries(String applicationId) throws Exception {
        try (CuratorFramework zooKeeper = zooKeeper()) {
            return zooKeeper.getChildren().forPath(cluster.flinkZnode("/" + applicationId + "/leader/latch"));
        }
    }

    private static CuratorFramework zooKeeper() throws InterruptedException {
        return cluster.zooKeeperClient();
    }

    /** Waits until the cluster runs attempt {@code attempt} and the job's tasks all run again. */
    private static JsonNode awaitRunningOnAttempt(String job, String clusterName, int attempt) throws Exception {
        long killedAt = System.nanoTime();
        long deadline = killedAt + FAILOVER_TIMEOUT.toNanos();
        while (true) {
            FerryCliRun sessionStatus = cluster.ferry("session", "status", clusterName, "-o", "json");
            FerryCliRun jobStatus = cluster.ferry("job", "status", job, "-o", "json");
            if (sessionStatus.exitCode() == 0 && jobStatus.exitCode() == 0) {
                JsonNode status = JSON.readTree(jobStatus.stdout());
                boolean running = status.get("state").asText().equals("RUNNING")
                        && status.get("tasksRunning").asInt()
                                == status.get("tasksTotal").asInt();
                if (running
                        && JSON.readTree(sessionStatus.stdout()).get("attempt").asInt() == attempt) {
                    System.out.printf(
                            "%s: RUNNING again on attempt %d %.1f s after the kill%n",
                            job, attempt, (System.nanoTime() - killedAt) / 1e9);
                    return status;
                }
            }
            assertThat(System.nanoTime())
                    .as("%s RUNNING on attempt %d within %s", job, attempt, FAILOVER_TIMEOUT)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static Set<String> taskManagerIds(String webUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(webUrl + "/taskmanagers"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode taskManagers = JSON.readTree(response.body()).get("taskmanagers");
        return StreamSupport.stream(taskManagers.spliterator(), false)
                .map(tm -> tm.get("id").asText())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
