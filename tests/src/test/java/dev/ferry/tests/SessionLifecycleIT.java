package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session clusters on a real YARN with two leaf queues and a tiny third one that can never fit a
 * JobManager: start, list, refuse, time out, stop, kill, staging. Two sessions started once, alpha
 * (queue default, a warm TaskManager) and beta (queue analytics, started with {@code -D} on both
 * sides of the subcommand), serve the tests that only look at them; a test that ends a session
 * starts its own. What the lifecycle classes decide is unit tested against fakes (ClusterDeployerTest,
 * SessionStopperTest, CliInputErrorsTest, BadInputTableTest); here is what needs YARN itself.
 */
@Timeout(300)
class SessionLifecycleIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("session-it");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode alpha;
    private static JsonNode beta;

    @BeforeAll
    static void startASessionOnEachQueue() throws Exception {
        alpha = json(cluster.ferry(start("alpha", "default", "--min-taskmanagers", "1", "-o", "json")));
        // -D before the subcommand chooses the queue, -D after it the slots
        beta = json(cluster.ferry(
                "-Dferry.yarn.queue=analytics",
                "session",
                "start",
                "beta",
                "--jm-memory",
                "1024m",
                "-o",
                "json",
                "-Dtaskmanager.numberOfTaskSlots=2"));
    }

    @Test
    void givenSessionsOnTwoQueues_whenStarted_thenYarnRunsThemUnderTheirNamesTypeAndTags() throws Exception {
        assertThat(alpha.get("queue").asText()).isEqualTo("default");
        assertThat(alpha.get("taskManagers").asInt()).isEqualTo(1);
        assertThat(alpha.get("webUrl").asText()).startsWith("http://");
        ApplicationReport report = application(alpha.get("applicationId").asText());
        assertThat(report.getName()).isEqualTo("alpha");
        assertThat(report.getQueue()).isEqualTo("default");
        assertThat(report.getApplicationType()).isEqualTo("Apache Flink");
        assertThat(report.getApplicationTags()).contains("ferry", "ferry-cluster:alpha", "ferry-mode:session");
    }

    @Test
    void givenDefinitionsOnBothSidesOfTheSubcommand_whenASessionStarts_thenBothApply() throws Exception {
        // given: beta, started as 'ferry -Dferry.yarn.queue=analytics session start beta ...
        // -Dtaskmanager.numberOfTaskSlots=2'
        // then: YARN runs it on queue analytics, and its JobManager runs with 2 slots per TaskManager
        assertThat(beta.get("queue").asText()).isEqualTo("analytics");
        assertThat(application(beta.get("applicationId").asText()).getQueue()).isEqualTo("analytics");
        assertThat(new FlinkRest(beta.get("webUrl").asText()).jobManagerConfig("taskmanager.numberOfTaskSlots"))
                .contains("2");
    }

    @Test
    void givenTheLibrariesStagedOnce_whenASessionIsDeployed_thenNoFlinkJarIsUploadedForIt() throws Exception {
        // given: the shared cluster's 'ferry dist upload' (SharedCluster), which alpha's deploy found
        assertThat(alpha.get("stagedLibraries").asBoolean()).isTrue();

        // then: what was uploaded for alpha alone holds no jar
        FileSystem fs = cluster.fileSystem();
        List<String> uploaded = filesUnder(
                fs,
                new Path(
                        fs.getHomeDirectory(),
                        ".flink/" + alpha.get("applicationId").asText()));
        assertThat(uploaded).isNotEmpty().noneMatch(f -> f.endsWith(".jar"));
    }

    @Test
    void listShowsTheLiveSessionsWithTheirQueueAndStateAsJson() throws Exception {
        JsonNode list = json(cluster.ferry("session", "list", "--output", "json"));

        assertThat(StreamSupport.stream(list.spliterator(), false)
                        .map(n -> n.get("name").asText() + "@" + n.get("queue").asText() + ":"
                                + n.get("state").asText()))
                .contains("alpha@default:RUNNING", "beta@analytics:RUNNING");
        assertThat(StreamSupport.stream(list.spliterator(), false)
                        .filter(n -> n.get("name").asText().equals("beta"))
                        .map(n -> n.get("runningJobs").asInt()))
                .containsExactly(0);
    }

    @Test
    void listShowsTheLiveSessionsAsATable() {
        FerryCliRun run = cluster.ferry("session", "list");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().findFirst().orElse("")).contains("NAME", "APPLICATION", "STATE", "QUEUE");
        assertThat(run.stdout()).containsPattern("alpha\\s+application_\\S+\\s+RUNNING\\s+default");
        assertThat(run.stdout()).containsPattern("beta\\s+application_\\S+\\s+RUNNING\\s+analytics");
    }

    @Test
    void aListFilteredByQueueShowsOnlyThatQueuesSessions() throws Exception {
        JsonNode list = json(cluster.ferry("session", "list", "--queue", "analytics", "-o", "json"));

        assertThat(list.findValuesAsText("queue")).containsOnly("analytics");
        assertThat(list.findValuesAsText("name")).contains("beta").doesNotContain("alpha");
    }

    @Test
    void aSecondCommandStartsFromTheClassArchiveTheFirstWroteAndPrintsTheSame() throws Exception {
        // given: bin/ferry with an empty class data sharing cache
        java.nio.file.Path cache = Files.createTempDirectory(cluster.work(), "cds");
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

    @Test
    void queueListShowsEveryLeafQueueWithItsCapacityAndRunningSessions() throws Exception {
        // when
        JsonNode queues = json(cluster.ferry("queue", "list", "-o", "json"));

        // then: the three leaf queues with the shared cluster's capacities; alpha and beta on two of them
        Map<String, JsonNode> byName = new HashMap<>();
        queues.forEach(q -> byName.put(q.get("name").asText(), q));
        assertThat(byName).containsKeys("default", "analytics", "tiny");
        assertThat(byName.get("default").get("capacityPercent").asDouble()).isEqualTo(45.0);
        assertThat(byName.get("tiny").get("maxCapacityPercent").asDouble()).isEqualTo(10.0);
        assertThat(byName.get("default").get("runningApplications").asInt()).isPositive();
        assertThat(byName.get("analytics").get("runningApplications").asInt()).isPositive();
        assertThat(byName.get("tiny").get("runningApplications").asInt()).isZero();
        assertThat(byName.values()).allSatisfy(q -> {
            assertThat(q.get("leaf").asBoolean()).isTrue();
            assertThat(q.get("acceptsSubmissions").asBoolean()).isTrue();
        });
    }

    @Test
    void aSessionWithAWarmTaskManagerRanItsWarmUpJobBeforeItWasReady() throws Exception {
        // when
        JsonNode status = json(cluster.ferry("session", "status", "alpha", "-o", "json"));

        // then: alpha's history holds the finished warm-up job; beta, with no TaskManager to warm, has none
        assertThat(StreamSupport.stream(status.get("jobs").spliterator(), false)
                        .filter(j -> j.get("name").asText().equals("ferry-session-warm-up"))
                        .map(j -> j.get("state").asText()))
                .containsExactly("FINISHED");
        JsonNode betaStatus = json(cluster.ferry("session", "status", "beta", "-o", "json"));
        assertThat(betaStatus.get("jobs").findValuesAsText("name")).doesNotContain("ferry-session-warm-up");
    }

    @Test
    void aTakenNameIsRefusedAndNamesTheRunningApplication() throws Exception {
        FerryCliRun run = cluster.ferry(start("alpha", "analytics"));

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.stderr())
                .contains("Cluster name 'alpha' is taken by "
                        + alpha.get("applicationId").asText());
        assertThat(liveNames()).containsOnlyOnce("alpha");
    }

    static Stream<Arguments> badInputThatNeedsTheCluster() {
        return Stream.of(
                Arguments.of(
                        "an unknown queue, with the queues that would work",
                        List.of(start("gamma", "nosuchqueue")),
                        2,
                        List.of("YARN has no queue 'nosuchqueue'", "default", "analytics", "tiny")),
                Arguments.of(
                        "a state backend Flink does not know",
                        List.of(start("bogus", "default", "-D", "state.backend.type=bogus")),
                        2,
                        List.of("state.backend.type")),
                Arguments.of(
                        "the status of a session that does not run",
                        List.of("session", "status", "nosuch"),
                        3,
                        List.of("'nosuch'")),
                Arguments.of(
                        "the jobs of a session that does not run, like its status",
                        List.of("job", "list", "--session", "nosuch"),
                        3,
                        List.of("'nosuch'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputThatNeedsTheCluster")
    void badInputIsRefusedInOneLineAndLeavesNoApplication(
            String what, List<String> args, int exitCode, List<String> words) throws Exception {
        // given
        Set<String> before = liveIds();

        // when
        FerryCliRun run = cluster.ferry(args.toArray(String[]::new));

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(exitCode);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).startsWith("ferry: ").doesNotContain("\tat ").contains(words);
        assertThat(liveIds()).isEqualTo(before);
    }

    @Test
    void aDeployThatCannotGetResourcesTimesOutAndLeavesNoApplication() throws Exception {
        FerryCliRun run = cluster.ferry(start("starved", "tiny", "-Dferry.deploy.timeout=10s"));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(4);
        assertThat(run.stderr()).contains("did not start the cluster within 10s", "queue 'tiny'", "1024 MB");
        assertThat(liveNames()).doesNotContain("starved");
    }

    @Test
    void ctrlCDuringADeployLeavesNoApplicationBehind() throws Exception {
        Process ferry = cluster.ferryProcess(start("interrupted", "tiny"));
        awaitLiveApplication("interrupted", Duration.ofSeconds(60));

        new ProcessBuilder("kill", "-INT", String.valueOf(ferry.pid())).start().waitFor();

        assertThat(ferry.waitFor(60, TimeUnit.SECONDS))
                .as("ferry exited after Ctrl-C")
                .isTrue();
        assertThat(ferry.exitValue()).isNotZero();
        assertThat(cluster.ferryProcessOutput()).contains("Deploy interrupted; application application_");
        assertThat(liveNames()).doesNotContain("interrupted");
    }

    @Test
    void givenASessionWithARunningJob_whenStoppedGracefully_thenTheJobStopsWithASavepointAndYarnFinishesIt()
            throws Exception {
        // given: a job submitted into a session runs there
        json(cluster.ferry(start("delta", "default", "--min-taskmanagers", "1", "-o", "json")));
        String jar = cluster.home().resolve("examples/StreamingWordCount.jar").toString();
        JsonNode job =
                json(cluster.ferry("job", "submit", "--session", "delta", jar, "-o", "json", "--", "--rate", "20"));
        assertThat(job.get("state").asText()).isEqualTo("RUNNING");
        JsonNode status = json(cluster.ferry("session", "status", "delta", "-o", "json"));
        assertThat(status.get("runningJobs").asInt()).isEqualTo(1);

        // when
        JsonNode stopped = json(cluster.ferry("session", "stop", "delta", "-o", "json"));

        // then
        assertThat(stopped.get("state").asText()).isEqualTo("FINISHED");
        assertThat(stopped.get("jobs")).hasSize(1);
        assertThat(stopped.get("jobs").get(0).get("jobId").asText())
                .isEqualTo(job.get("jobId").asText());
        String savepoint = stopped.get("jobs").get(0).get("savepoint").asText();
        assertThat(savepoint).startsWith(cluster.hdfs("/ferry/savepoints"));
        assertThat(cluster.fileSystem().exists(new Path(savepoint, "_metadata")))
                .isTrue();
        assertThat(application(stopped.get("applicationId").asText()).getYarnApplicationState())
                .isEqualTo(YarnApplicationState.FINISHED);
    }

    @Test
    void givenASession_whenKilled_thenItEndsAtOnceAndOnlyListAllShowsIt() throws Exception {
        // given
        json(cluster.ferry(start("epsilon", "analytics", "-o", "json")));

        // when
        JsonNode killed = json(cluster.ferry("session", "kill", "epsilon", "-o", "json"));

        // then
        assertThat(killed.get("state").asText()).isEqualTo("KILLED");
        assertThat(liveNames()).doesNotContain("epsilon");
        assertThat(json(cluster.ferry("session", "list", "-o", "json")).findValuesAsText("name"))
                .doesNotContain("epsilon");
        JsonNode all = json(cluster.ferry("session", "list", "--all", "-o", "json"));
        assertThat(StreamSupport.stream(all.spliterator(), false)
                        .map(n -> n.get("name").asText() + ":" + n.get("state").asText()))
                .contains("epsilon:KILLED");
        // and its JobManager's log is read from YARN's aggregated logs (seconds after the kill)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        FerryCliRun logs = cluster.ferry("logs", "epsilon", "--tail", "5000");
        while (logs.exitCode() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            logs = cluster.ferry("logs", "epsilon", "--tail", "5000");
        }
        assertThat(logs.exitCode()).as(logs.stderr()).isZero();
        assertThat(logs.stdout()).contains("YarnSessionClusterEntrypoint");
    }

    @Test
    void twoGatewaysStagingAtOnceLeaveOneVerifiedCopy() throws Exception {
        String race = cluster.path("/ferry/race");
        String[] upload = {"dist", "upload", "-Dferry.staging.dir=" + race, "-o", "json"};
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<FerryCliRun> first = executor.submit(() -> cluster.ferry(upload));
            Future<FerryCliRun> second = executor.submit(() -> cluster.ferry(upload));

            JsonNode a = json(first.get(120, TimeUnit.SECONDS));
            JsonNode b = json(second.get(120, TimeUnit.SECONDS));

            assertThat(a.get("location").asText()).isEqualTo(b.get("location").asText());
            assertThat(List.of(
                            a.get("alreadyStaged").asBoolean(),
                            b.get("alreadyStaged").asBoolean()))
                    .containsExactlyInAnyOrder(true, false);
            assertThat(cluster.fileSystem().listStatus(new Path(race)))
                    .extracting(status -> status.getPath().getName())
                    .as("no temporary copies left behind")
                    .hasSize(1)
                    .noneMatch(name -> name.startsWith(".tmp"));
        } finally {
            executor.shutdownNow();
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
                "-Dtaskmanager.memory.managed.fraction=0.1"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static String finished(Process process) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = cluster.ferryProcessOutput();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> liveNames() throws Exception {
        return cluster.liveApplications().stream()
                .map(ApplicationReport::getName)
                .toList();
    }

    private static Set<String> liveIds() throws Exception {
        return cluster.liveApplications().stream()
                .map(r -> r.getApplicationId().toString())
                .collect(Collectors.toSet());
    }

    private static ApplicationReport application(String id) throws Exception {
        return cluster.yarn().getApplications(Set.of("Apache Flink")).stream()
                .filter(r -> r.getApplicationId().toString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void awaitLiveApplication(String name, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!liveNames().contains(name)) {
            assertThat(System.nanoTime())
                    .as("application " + name + " submitted in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
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
