package dev.ferry.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;
import dev.ferry.tests.FailoverBenchReport.LoadAverage;
import dev.ferry.tests.FailoverBenchReport.Run;
import dev.ferry.tests.FailoverBenchReport.Variant;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JobManager failover benchmark: kill-to-RUNNING time of a session's job after {@code kill -9} of
 * its JobManager, Ferry's HA settings (A) against stock Flink's (B), alternating A,B,A,B on the
 * same YARN, HDFS and ZooKeeper so that both see the same machine load.
 *
 * <p>By default this is a smoke run (one run per variant) that keeps the bench from rotting; it
 * asserts only that every job came back and that the report files exist, never a time, because
 * the shared CI machine's load decides the times. The full bench:
 * {@code mvn -o -pl tests verify -Dit.test=FailoverBenchIT -Dferry.bench.runs=5}. Results go to
 * {@code tests/target/bench/failover/} (results.md, results.csv, failover.png).
 */
class FailoverBenchIT {

    static final Path OUTPUT = Path.of("target", "bench", "failover");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** Stock B waits for a 40 s ZooKeeper session expiry; leave room for a burned attempt. */
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(90);

    /**
     * The HA knobs Ferry changes from Flink's defaults (conf/config.yaml and HaDeployment) and
     * their stock values. Quorum, storage dir and HA mode are the same in both: they only turn
     * HA on. B reverts exactly these four, as -D options of the same 'ferry session start'.
     */
    static final Variant FERRY = new Variant("A", "Ferry defaults", List.of());
    static final Variant STOCK = new Variant("B", "stock Flink HA defaults", List.of(
            // Ferry: its fencing HA services (HaDeployment). Flink: plain ZooKeeper HA.
            "-Dhigh-availability.type=zookeeper",
            // Ferry: 10s (config.yaml). Flink: 60s, which ZooKeeper's default tickTime caps at 40 s.
            "-Dhigh-availability.zookeeper.client.session-timeout=60s",
            // Ferry: true (HaDeployment), so a ZooKeeper blip does not burn an attempt.
            "-Dhigh-availability.zookeeper.client.tolerate-suspended-connections=false",
            // Ferry: 4 (ferry.ha.application-attempts). Flink with HA on YARN: YARN's default, 2.
            "-Dyarn.application-attempts=2"));

    private static YarnTestCluster cluster;

    @BeforeAll
    static void startYarnHdfsAndZooKeeper() throws Exception {
        // The chart is drawn in a JVM without a display.
        System.setProperty("java.awt.headless", "true");
        cluster = YarnTestCluster.start(
                "failover-bench",
                EmbeddedCluster.builder().nodeManagerMemoryMb(8192).withZooKeeper(),
                running -> String.join("\n",
                        "ferry.deploy.timeout: 120s",
                        "ferry.job.running-timeout: 120s",
                        "ferry.ha.zookeeper.quorum: " + running.zooKeeperConnectString(),
                        ""));
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void ferryAndStockHaSettingsBothBringAKilledJobManagersJobBackAndTheReportIsWritten() throws Exception {
        // given: the number of runs per variant (1 = smoke)
        int runs = Integer.getInteger("ferry.bench.runs", 1);
        LoadAverage loadBefore = LoadAverage.now();
        Instant started = Instant.now();

        // when: A and B alternate, each a fresh session whose JobManager is killed once
        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            for (Variant variant : List.of(FERRY, STOCK)) {
                Run run = runOnce(variant, i);
                System.out.println("failover bench: " + run);
                results.add(run);
            }
        }
        LoadAverage loadAfter = LoadAverage.now();
        new FailoverBenchReport(results, loadBefore, loadAfter, started, Instant.now()).writeTo(OUTPUT);

        // then: every job came back (times are reported, not asserted) and the files are there
        assertThat(results).hasSize(2 * runs).allSatisfy(run -> assertThat(run.recovered()).as(run.toString()).isTrue());
        for (String file : Set.of("results.md", "results.csv", "failover.png")) {
            assertThat(OUTPUT.resolve(file)).isNotEmptyFile();
        }
    }

    /** One session, one checkpointed job, one kill -9 of the JobManager, timed to RUNNING again. */
    private static Run runOnce(Variant variant, int index) throws Exception {
        String name = "bench-" + variant.id().toLowerCase() + "-" + index;
        List<String> start = new ArrayList<>(List.of("session", "start", name, "--min-taskmanagers", "1", "-o", "json",
                "--jm-memory", "1024m", "--tm-memory", "1024m", "-Dtaskmanager.memory.managed.fraction=0.2"));
        start.addAll(variant.options());
        JsonNode session = json(cluster.ferry(start.toArray(String[]::new)));
        String applicationId = session.get("applicationId").asText();
        try {
            String webUrl = session.get("webUrl").asText();
            String sessionTimeout = jobManagerConfig(webUrl, "high-availability.zookeeper.client.session-timeout");
            String output = "/out/" + name;
            String jobId = json(cluster.ferry("job", "submit", "--session", name, "--name", name,
                            cluster.home().resolve("examples/CountingJob.jar").toString(), "-o", "json",
                            "--", "--output", cluster.hdfs(output), "--rate", "20", "--checkpoint-interval", "1000"))
                    .get("jobId").asText();
            // Output is committed on checkpoints: some output means there is a checkpoint to restore.
            new CountingOutput(cluster.fileSystem(), cluster.hdfs(output)).awaitAtLeast(8, OUTPUT_TIMEOUT);
            double load = LoadAverage.now().one();

            cluster.killApplicationMaster(applicationId);
            long killedAt = System.nanoTime();
            Recovery recovery = awaitRunningAgain(applicationId, jobId, killedAt);

            if (recovery.recovered()) {
                // The same answer from Ferry's own CLI: what an operator would see.
                JsonNode status = json(cluster.ferry("job", "status", name, "-o", "json"));
                assertThat(status.get("state").asText()).isEqualTo("RUNNING");
            }
            return new Run(variant, index, recovery.seconds(), recovery.attempt(), recovery.recovered(),
                    sessionTimeout, load, Instant.now());
        } finally {
            FerryCliRun stop = cluster.ferry("session", "stop", name, "--cancel-jobs");
            if (stop.exitCode() != 0) {
                // A lost application (B with its 2 attempts) is already gone; anything else is killed.
                ApplicationReport report = cluster.yarn().getApplicationReport(ApplicationId.fromString(applicationId));
                if (!finished(report.getYarnApplicationState())) {
                    cluster.yarn().killApplication(ApplicationId.fromString(applicationId));
                }
            }
        }
    }

    record Recovery(double seconds, int attempt, boolean recovered) {}

    /**
     * Polls YARN for the current attempt and its JobManager's REST address, and that JobManager's
     * {@code /jobs/overview} (answered afresh by the dispatcher, unlike the 3 s cached
     * {@code /jobs/<id>}) until all of the job's tasks run. Every 100 ms, so the measurement
     * error stays well under the second.
     */
    private static Recovery awaitRunningAgain(String applicationId, String jobId, long killedAt) throws Exception {
        ApplicationId id = ApplicationId.fromString(applicationId);
        long deadline = killedAt + FAILOVER_TIMEOUT.toNanos();
        int attempt = 1;
        while (System.nanoTime() < deadline) {
            ApplicationReport report = cluster.yarn().getApplicationReport(id);
            attempt = report.getCurrentApplicationAttemptId().getAttemptId();
            double elapsed = (System.nanoTime() - killedAt) / 1e9;
            if (finished(report.getYarnApplicationState())) {
                return new Recovery(elapsed, attempt, false);
            }
            String url = report.getOriginalTrackingUrl();
            if (attempt >= 2 && url != null && url.startsWith("http") && allTasksRunning(url, jobId)) {
                return new Recovery((System.nanoTime() - killedAt) / 1e9, attempt, true);
            }
            Thread.sleep(100);
        }
        return new Recovery(FAILOVER_TIMEOUT.toSeconds(), attempt, false);
    }

    private static boolean finished(YarnApplicationState state) {
        return state == YarnApplicationState.FINISHED || state == YarnApplicationState.FAILED
                || state == YarnApplicationState.KILLED;
    }

    private static boolean allTasksRunning(String webUrl, String jobId) {
        try {
            JsonNode jobs = get(webUrl, "/jobs/overview").get("jobs");
            for (JsonNode job : jobs) {
                if (job.get("jid").asText().equals(jobId)) {
                    JsonNode tasks = job.get("tasks");
                    return job.get("state").asText().equals("RUNNING")
                            && tasks.get("running").asInt() == tasks.get("total").asInt();
                }
            }
            return false;
        } catch (Exception notUpYet) {
            // The new JobManager is starting, or not leader yet.
            return false;
        }
    }

    /** What the JobManager really runs with, so the report shows that B's options took effect. */
    private static String jobManagerConfig(String webUrl, String key) throws Exception {
        for (JsonNode entry : get(webUrl, "/jobmanager/config")) {
            if (entry.get("key").asText().equals(key)) {
                return entry.get("value").asText();
            }
        }
        return "(unset)";
    }

    private static JsonNode get(String webUrl, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(webUrl.replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }
}
