package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of session clusters on a real YARN with two leaf queues (and a tiny third one
 * that can never fit a JobManager): start, list, submit, refuse, time out, stop, kill, staging.
 * Deploys cost seconds each, so the steps share clusters and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static YarnTestCluster cluster;

    @BeforeAll
    static void startYarnWithTwoQueues() throws Exception {
        cluster = YarnTestCluster.start(
                "session-it",
                EmbeddedCluster.builder()
                        .nodeManagerMemoryMb(6144)
                        .queue("default", 45)
                        .queue("analytics", 45)
                        .queue("tiny", 10, 10),
                running -> String.join(
                        "\n",
                        "ferry.deploy.timeout: 120s",
                        "ferry.session.min-taskmanagers: 0",
                        "ferry.staging.dir: /ferry/dist",
                        ""));
    }

    @AfterAll
    static void stopYarn() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String[] start(String name, String queue, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "session",
                "start",
                name,
                "--queue",
                queue,
                "--jm-memory",
                "1024m",
                "--tm-memory",
                "1024m",
                "--slots",
                "1",
                "-Dtaskmanager.memory.managed.fraction=0.1",
                "-Dexecution.checkpointing.savepoint-dir=" + cluster.hdfs("/savepoints")));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static List<ApplicationReport> liveApplications() throws Exception {
        return cluster.yarn()
                .getApplications(
                        Set.of("Apache Flink"),
                        EnumSet.of(
                                YarnApplicationState.NEW,
                                YarnApplicationState.NEW_SAVING,
                                YarnApplicationState.SUBMITTED,
                                YarnApplicationState.ACCEPTED,
                                YarnApplicationState.RUNNING));
    }

    private static ApplicationReport application(String id) throws Exception {
        return cluster.yarn().getApplications(Set.of("Apache Flink")).stream()
                .filter(r -> r.getApplicationId().toString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Order(1)
    void sessionsStartOnTwoQueuesAndCarryTheirNameTypeAndTags() throws Exception {
        JsonNode alpha = json(cluster.ferry(start("alpha", "default", "--min-taskmanagers", "1", "-o", "json")));
        JsonNode beta = json(cluster.ferry(start("beta", "analytics", "-o", "json")));

        assertThat(alpha.get("queue").asText()).isEqualTo("default");
        assertThat(alpha.get("taskManagers").asInt()).isEqualTo(1);
        assertThat(alpha.get("webUrl").asText()).startsWith("http://");
        assertThat(beta.get("queue").asText()).isEqualTo("analytics");
        ApplicationReport report = application(alpha.get("applicationId").asText());
        assertThat(report.getName()).isEqualTo("alpha");
        assertThat(report.getApplicationType()).isEqualTo("Apache Flink");
        assertThat(report.getApplicationTags()).contains("ferry", "ferry-cluster:alpha", "ferry-mode:session");
    }

    @Test
    @Order(2)
    void listShowsBothSessionsWithTheirQueueAndStateAsJson() throws Exception {
        JsonNode list = json(cluster.ferry("session", "list", "--output", "json"));

        assertThat(list).hasSize(2);
        assertThat(StreamSupport.stream(list.spliterator(), false)
                        .map(n -> n.get("name").asText() + "@" + n.get("queue").asText() + ":"
                                + n.get("state").asText()))
                .containsExactlyInAnyOrder("alpha@default:RUNNING", "beta@analytics:RUNNING");
        assertThat(list.get(0).get("runningJobs").asInt()).isZero();
    }

    @Test
    @Order(3)
    void listShowsBothSessionsAsATable() {
        FerryCliRun run = cluster.ferry("session", "list");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().findFirst().orElse("")).contains("NAME", "APPLICATION", "STATE", "QUEUE");
        assertThat(run.stdout()).containsPattern("alpha\\s+application_\\S+\\s+RUNNING\\s+default");
        assertThat(run.stdout()).containsPattern("beta\\s+application_\\S+\\s+RUNNING\\s+analytics");
    }

    @Test
    @Order(4)
    void aListFilteredByQueueShowsOnlyThatQueuesSessions() throws Exception {
        JsonNode list = json(cluster.ferry("session", "list", "--queue", "analytics", "-o", "json"));

        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("beta");
    }

    @Test
    @Order(3)
    void aSecondCommandStartsFromTheClassArchiveTheFirstWroteAndPrintsTheSame() throws Exception {
        // given: bin/ferry with an empty class data sharing cache
        java.nio.file.Path cache = Files.createTempDirectory(java.nio.file.Path.of("target"), "cds");
        Map<String, String> environment =
                Map.of("FERRY_CDS_DIR", cache.toAbsolutePath().toString());

        // when: the same listing twice, as processes (stdout and stderr together)
        JsonNode first = JSON.readTree(finished(cluster.ferryProcess(environment, "session", "list", "-o", "json")));
        List<java.nio.file.Path> archives;
        try (var files = Files.list(cache)) {
            archives = files.toList();
        }
        JsonNode second = JSON.readTree(finished(cluster.ferryProcess(environment, "session", "list", "-o", "json")));

        // then: the first wrote one archive; both printed nothing but the same sessions' JSON
        assertThat(archives)
                .singleElement()
                .satisfies(a -> assertThat(a.getFileName().toString()).matches("ferry-\\d+\\.jsa"));
        assertThat(second.findValuesAsText("name"))
                .isEqualTo(first.findValuesAsText("name"))
                .contains("alpha", "beta");
    }

    private static String finished(Process process) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = cluster.ferryProcessOutput();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    @Order(4)
    void queueListShowsEveryLeafQueueWithItsCapacityAndRunningSessions() throws Exception {
        // given: alpha on default and beta on analytics (step 1)
        // when
        JsonNode queues = json(cluster.ferry("queue", "list", "-o", "json"));

        // then: the three leaf queues with the capacities the cluster was given, one application each on two
        Map<String, JsonNode> byName = new HashMap<>();
        queues.forEach(q -> byName.put(q.get("name").asText(), q));
        assertThat(byName).containsKeys("default", "analytics", "tiny");
        assertThat(byName.get("default").get("capacityPercent").asDouble()).isEqualTo(45.0);
        assertThat(byName.get("tiny").get("maxCapacityPercent").asDouble()).isEqualTo(10.0);
        assertThat(byName.get("default").get("runningApplications").asInt()).isEqualTo(1);
        assertThat(byName.get("analytics").get("runningApplications").asInt()).isEqualTo(1);
        assertThat(byName.get("tiny").get("runningApplications").asInt()).isZero();
        assertThat(byName.values()).allSatisfy(q -> {
            assertThat(q.get("leaf").asBoolean()).isTrue();
            assertThat(q.get("acceptsSubmissions").asBoolean()).isTrue();
        });
    }

    @Test
    @Order(5)
    void aJobSubmittedIntoASessionRuns() throws Exception {
        String jar = cluster.home().resolve("examples/StreamingWordCount.jar").toString();

        JsonNode job =
                json(cluster.ferry("job", "submit", "--session", "alpha", jar, "-o", "json", "--", "--rate", "20"));

        assertThat(job.get("state").asText()).isEqualTo("RUNNING");
        JsonNode status = json(cluster.ferry("session", "status", "alpha", "-o", "json"));
        assertThat(status.get("runningJobs").asInt()).isEqualTo(1);
        assertThat(status.get("jobs").get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(status.get("jobs").get(0).get("jobId").asText())
                .isEqualTo(job.get("jobId").asText());
    }

    @Test
    @Order(5)
    void aSessionWithAWarmTaskManagerRanItsWarmUpJobBeforeItWasReady() throws Exception {
        // given: alpha, started with one minimum TaskManager (step 1)
        // when
        JsonNode status = json(cluster.ferry("session", "status", "alpha", "-o", "json"));

        // then: its history holds the finished warm-up job; beta, with no TaskManager to warm, has none
        assertThat(status.get("jobs").findValuesAsText("name")).contains("ferry-session-warm-up");
        assertThat(StreamSupport.stream(status.get("jobs").spliterator(), false)
                        .filter(j -> j.get("name").asText().equals("ferry-session-warm-up"))
                        .map(j -> j.get("state").asText()))
                .containsExactly("FINISHED");
        JsonNode beta = json(cluster.ferry("session", "status", "beta", "-o", "json"));
        assertThat(beta.get("jobs").findValuesAsText("name")).doesNotContain("ferry-session-warm-up");
    }

    @Test
    @Order(6)
    void aTakenNameIsRefusedAndNamesTheRunningApplication() throws Exception {
        String alphaId = json(cluster.ferry("session", "status", "alpha", "-o", "json"))
                .get("applicationId")
                .asText();

        FerryCliRun run = cluster.ferry(start("alpha", "analytics"));

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.stderr()).contains("Cluster name 'alpha' is taken by " + alphaId);
        assertThat(liveApplications()).hasSize(2);
    }

    @Test
    @Order(7)
    void anUnknownQueueIsRefusedWithTheQueuesThatWouldWork() {
        FerryCliRun run = cluster.ferry(start("gamma", "nosuchqueue"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains("YARN has no queue 'nosuchqueue'", "default", "analytics", "tiny");
    }

    @Test
    @Order(8)
    void aDeployThatCannotGetResourcesTimesOutAndLeavesNoApplication() throws Exception {
        FerryCliRun run = cluster.ferry(start("starved", "tiny", "-Dferry.deploy.timeout=15s"));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(4);
        assertThat(run.stderr()).contains("did not start the cluster within 15s", "queue 'tiny'", "1024 MB");
        assertThat(liveApplications())
                .extracting(ApplicationReport::getName)
                .containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    @Order(9)
    void ctrlCDuringADeployLeavesNoApplicationBehind() throws Exception {
        Process ferry = cluster.ferryProcess(start("interrupted", "tiny"));
        awaitLiveApplication("interrupted", Duration.ofSeconds(60));

        new ProcessBuilder("kill", "-INT", String.valueOf(ferry.pid())).start().waitFor();

        assertThat(ferry.waitFor(60, TimeUnit.SECONDS))
                .as("ferry exited after Ctrl-C")
                .isTrue();
        assertThat(ferry.exitValue()).isNotZero();
        assertThat(cluster.ferryProcessOutput()).contains("Deploy interrupted; application application_");
        assertThat(liveApplications())
                .extracting(ApplicationReport::getName)
                .containsExactlyInAnyOrder("alpha", "beta");
    }

    private static void awaitLiveApplication(String name, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (liveApplications().stream().noneMatch(r -> r.getName().equals(name))) {
            assertThat(System.nanoTime())
                    .as("application " + name + " submitted in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    @Order(10)
    void anUnknownSessionNameIsNotFound() {
        for (String command : List.of("stop", "kill", "status")) {
            FerryCliRun run = cluster.ferry("session", command, "nosuch");

            assertThat(run.exitCode()).as(command).isEqualTo(3);
            assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
            assertThat(run.stderr())
                    .startsWith("ferry: ")
                    .doesNotContain("Exception")
                    .contains("'nosuch'");
        }
        assertThat(cluster.ferry("session", "stop", "nosuch").stderr())
                .contains("No running Ferry cluster is named 'nosuch'", "alpha", "beta");
    }

    @Test
    @Order(11)
    void aGracefulStopTakesASavepointOfEachJobAndFinishesTheApplication() throws Exception {
        JsonNode stopped = json(cluster.ferry("session", "stop", "alpha", "-o", "json"));

        assertThat(stopped.get("state").asText()).isEqualTo("FINISHED");
        assertThat(stopped.get("jobs")).hasSize(1);
        String savepoint = stopped.get("jobs").get(0).get("savepoint").asText();
        assertThat(savepoint).startsWith(cluster.hdfs("/savepoints"));
        assertThat(cluster.fileSystem().exists(new Path(savepoint, "_metadata")))
                .isTrue();
    }

    @Test
    @Order(12)
    void aKillEndsTheApplicationAtOnce() throws Exception {
        JsonNode killed = json(cluster.ferry("session", "kill", "beta", "-o", "json"));

        assertThat(killed.get("state").asText()).isEqualTo("KILLED");
        assertThat(liveApplications()).isEmpty();
    }

    @Test
    @Order(13)
    void endedSessionsAreListedOnlyWithAll() throws Exception {
        assertThat(json(cluster.ferry("session", "list", "-o", "json"))).isEmpty();

        JsonNode all = json(cluster.ferry("session", "list", "--all", "-o", "json"));

        assertThat(StreamSupport.stream(all.spliterator(), false)
                        .map(n -> n.get("name").asText() + ":" + n.get("state").asText()))
                .contains("alpha:FINISHED", "beta:KILLED");
    }

    @Test
    @Order(14)
    void aDeployWithStagedLibrariesUploadsNoFlinkJarsForTheCluster() throws Exception {
        JsonNode upload = json(cluster.ferry("dist", "upload", "-o", "json"));
        assertThat(upload.get("alreadyStaged").asBoolean()).isFalse();
        assertThat(json(cluster.ferry("dist", "upload", "-o", "json"))
                        .get("alreadyStaged")
                        .asBoolean())
                .isTrue();

        JsonNode gamma = json(cluster.ferry(start("gamma", "default", "-o", "json")));

        assertThat(gamma.get("stagedLibraries").asBoolean()).isTrue();
        List<String> uploaded = filesUnder(
                cluster.fileSystem(),
                new Path(
                        cluster.fileSystem().getHomeDirectory(),
                        ".flink/" + gamma.get("applicationId").asText()));
        assertThat(uploaded).isNotEmpty().noneMatch(f -> f.endsWith(".jar"));
        assertThat(cluster.ferry("session", "kill", "gamma").exitCode()).isZero();
    }

    @Test
    @Order(15)
    void twoGatewaysStagingAtOnceLeaveOneVerifiedCopy() throws Exception {
        String[] upload = {"dist", "upload", "-Dferry.staging.dir=/ferry/race", "-o", "json"};
        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = executor.submit(() -> cluster.ferry(upload));
            var second = executor.submit(() -> cluster.ferry(upload));

            JsonNode a = json(first.get(120, TimeUnit.SECONDS));
            JsonNode b = json(second.get(120, TimeUnit.SECONDS));

            assertThat(a.get("location").asText()).isEqualTo(b.get("location").asText());
            assertThat(List.of(
                            a.get("alreadyStaged").asBoolean(),
                            b.get("alreadyStaged").asBoolean()))
                    .containsExactlyInAnyOrder(true, false);
            assertThat(cluster.fileSystem().listStatus(new Path("/ferry/race")))
                    .extracting(status -> status.getPath().getName())
                    .as("no temporary copies left behind")
                    .hasSize(1)
                    .noneMatch(name -> name.startsWith(".tmp"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    @Order(16)
    void aStopWithCancelJobsCancelsThemWithoutASavepointAndFinishesTheApplication() throws Exception {
        // given: a session with a running job
        json(cluster.ferry(start("gamma", "default", "--min-taskmanagers", "1", "-o", "json")));
        String jar = cluster.home().resolve("examples/StreamingWordCount.jar").toString();
        JsonNode job = json(cluster.ferry(
                "job",
                "submit",
                "--session",
                "gamma",
                "--name",
                "gamma-words",
                jar,
                "-o",
                "json",
                "--",
                "--rate",
                "20"));

        // when
        JsonNode stopped = json(cluster.ferry("session", "stop", "gamma", "--cancel-jobs", "-o", "json"));

        // then: the job was cancelled, not savepointed, and YARN ended the application normally
        assertThat(stopped.get("state").asText()).isEqualTo("FINISHED");
        assertThat(stopped.get("jobs")).hasSize(1);
        assertThat(stopped.get("jobs").get(0).get("jobId").asText())
                .isEqualTo(job.get("jobId").asText());
        assertThat(stopped.get("jobs").get(0).get("savepoint").isNull()).isTrue();
        assertThat(application(stopped.get("applicationId").asText()).getYarnApplicationState())
                .isEqualTo(YarnApplicationState.FINISHED);
    }

    private static List<String> filesUnder(FileSystem fs, Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        var iterator = fs.listFiles(dir, true);
        while (iterator.hasNext()) {
            FileStatus status = iterator.next();
            files.add(status.getPath().toString());
        }
        return files;
    }
}
