package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle of jar and SQL jobs on a real YARN and HDFS, checked by the exactly-once output
 * of the counting job (and of its SQL twin): savepoints and stops made by Ferry and by other
 * clients (Flink's REST API, which Flink's CLI and web UI use too), resumes from the newest restore
 * point, an upgrade to a new jar, and the job in an application and a per-job cluster. Every test
 * runs a job of its own in the suite's session (or a cluster of its own); how the lifecycle
 * decides what to restore, and the refusals that never reach a cluster, are unit tested in the
 * launcher against fakes (JobResumerTest, JobControllerTest, JobStarterTest, BadInputTableTest)
 * and in sql-runner (SqlScriptRunnerPrepareTest).
 */
@Timeout(300)
class JobLifecycleIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("jobs-it");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "jobs";
    private static final int KEYS = 4;
    /** Longer than any test: the job checkpoints only when a savepoint or stop asks it to. */
    private static final String NO_PERIODIC_CHECKPOINTS = "3600000";

    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(90);

    @BeforeAll
    static void startASessionWithAWarmTaskManager() throws Exception {
        json(cluster.ferry(
                small("session", "start", SESSION, "--min-taskmanagers", "1", "--slots", "2", "-o", "json")));
    }

    @Test
    void givenASavepointAndACancelThroughFlinksRestApi_whenResumedFromLatest_thenThatSavepointIsRestoredExactlyOnce()
            throws Exception {
        // given: a job recorded by Ferry that checkpoints only when asked to, and has run for a while
        JsonNode started = submitCountingJob("rest-savepoint", NO_PERIODIC_CHECKPOINTS);
        CountingOutput output = output("rest-savepoint");
        FlinkRest rest = new FlinkRest(started.get("webUrl").asText());
        String jobId = started.get("jobId").asText();
        Thread.sleep(2000);
        String savepoint = rest.savepoint(jobId);

        // then Ferry's status names the savepoint another client took
        JsonNode status = job("rest-savepoint");
        assertThat(status.get("lastSavepoint").asText()).isEqualTo(savepoint);
        assertThat(status.get("cluster").asText()).isEqualTo(SESSION);
        assertThat(status.get("mode").asText()).isEqualTo("session");
        assertThat(status.get("artifact").asText())
                .startsWith(cluster.hdfs("/ferry/artifacts/"))
                .endsWith("CountingJob.jar");

        // when: cancelled through the REST API too, then resumed by Ferry from the latest restore point
        rest.cancel(jobId);
        JsonNode resumed = json(cluster.ferry("job", "resume", "rest-savepoint", "--from-latest", "-o", "json"));

        // then the new run restored exactly that savepoint: what the first run wrote before it is
        // committed once (a savepoint does not commit a FileSink, the restore does), nothing twice
        assertThat(resumed.get("restoredFrom").asText()).isEqualTo(savepoint);
        assertThat(new FlinkRest(resumed.get("webUrl").asText())
                        .restoredFrom(resumed.get("jobId").asText()))
                .contains(savepoint);
        Thread.sleep(2000);
        json(cluster.ferry("job", "stop", "rest-savepoint", "-o", "json"));
        output.assertExactlyOnce(KEYS);
    }

    @Test
    void givenASavepointThroughTheRestApiAndALaterCheckpoint_whenResumedFromLatest_thenTheCheckpointIsRestored()
            throws Exception {
        // given: a savepoint taken through the REST API while the job keeps running, then a checkpoint completed
        JsonNode started = submitCountingJob("later-checkpoint", "1000");
        CountingOutput output = output("later-checkpoint");
        String jobId = started.get("jobId").asText();
        FlinkRest rest = new FlinkRest(started.get("webUrl").asText());
        String savepoint = rest.savepoint(jobId);
        rest.awaitCheckpoints(jobId, "a checkpoint completed after the savepoint", c -> {
            JsonNode latest = c.path("latest");
            return latest.path("completed").path("id").asLong(-1)
                    > latest.path("savepoint").path("id").asLong(Long.MAX_VALUE);
        });
        rest.cancel(jobId);
        String checkpoint = retainedCheckpoint(jobId);
        int committed = output.lines().size();

        // when
        JsonNode resumed = json(cluster.ferry("job", "resume", "later-checkpoint", "--from-latest", "-o", "json"));

        // then the newest by completion time is restored: the checkpoint, not the savepoint
        assertThat(checkpoint).isNotEqualTo(savepoint).contains("/chk-");
        assertThat(resumed.get("restoredFrom").asText()).isEqualTo(checkpoint);
        assertThat(new FlinkRest(resumed.get("webUrl").asText())
                        .restoredFrom(resumed.get("jobId").asText()))
                .contains(checkpoint);
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "later-checkpoint", "-o", "json"));
        output.assertExactlyOnce(KEYS);
    }

    @Test
    void givenAStopWithSavepointThroughTheRestApi_whenResumedFromLatest_thenThatSavepointIsRestoredExactlyOnce()
            throws Exception {
        // given: the job stopped with a savepoint as 'flink stop' stops it
        JsonNode started = submitCountingJob("rest-stop", "1000");
        CountingOutput output = output("rest-stop");
        output.awaitAtLeast(20, OUTPUT_TIMEOUT);
        String savepoint = new FlinkRest(started.get("webUrl").asText())
                .stopWithSavepoint(started.get("jobId").asText());
        int committed = output.lines().size();

        // when
        JsonNode resumed = json(cluster.ferry("job", "resume", "rest-stop", "--from-latest", "-o", "json"));

        // then
        assertThat(resumed.get("restoredFrom").asText()).isEqualTo(savepoint);
        assertThat(new FlinkRest(resumed.get("webUrl").asText())
                        .restoredFrom(resumed.get("jobId").asText()))
                .contains(savepoint);
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "rest-stop", "-o", "json"));
        output.assertExactlyOnce(KEYS);
    }

    @Test
    void givenTwoGatewaysStartingTheSameJobNameAtOnce_whenBothFinish_thenOneRunsItAndTheOtherExitsWith5()
            throws Exception {
        // when: two processes, as on two gateways, submit the same name at the same moment
        String[] submit = {
            "job",
            "submit",
            "--session",
            SESSION,
            "--name",
            "race",
            countingJar(),
            "-o",
            "json",
            "--",
            "--output",
            cluster.hdfs("/out/race"),
            "--rate",
            "20",
            "--checkpoint-interval",
            "1000"
        };
        List<Integer> exits = bothAtOnce("submit", submit);

        // then exactly one job of that name runs; the other process was refused with exit 5
        assertThat(exits).containsExactlyInAnyOrder(0, 5);
        assertThat(runningJobsNamed("race")).isEqualTo(1);

        // and the same for two resumes at once, after a stop
        json(cluster.ferry("job", "stop", "race", "-o", "json"));
        exits = bothAtOnce("resume", "job", "resume", "race", "--from-latest", "-o", "json");
        assertThat(exits).containsExactlyInAnyOrder(0, 5);
        assertThat(runningJobsNamed("race")).isEqualTo(1);
        json(cluster.ferry("job", "stop", "race", "-o", "json"));
        output("race").assertExactlyOnce(KEYS);
    }

    /** Runs {@code bin/ferry ARGS} twice at once as processes; their exit codes, the loser's line checked. */
    private static List<Integer> bothAtOnce(String step, String... args) throws Exception {
        java.nio.file.Path[] logs = {
            cluster.work().resolve("race-" + step + "-1.log"), cluster.work().resolve("race-" + step + "-2.log")
        };
        Process first = cluster.ferryProcess(logs[0], args);
        Process second = cluster.ferryProcess(logs[1], args);
        List<Integer> exits = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Process process = i == 0 ? first : second;
            assertThat(process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            exits.add(process.exitValue());
            if (process.exitValue() == 5) {
                assertThat(Files.readString(logs[i]))
                        .as("the refused gateway says why in one line")
                        .contains("'race'")
                        .doesNotContain("\tat ");
            }
        }
        return exits;
    }

    private static long runningJobsNamed(String name) throws Exception {
        JsonNode jobs = json(cluster.ferry("job", "list", "--session", SESSION, "-o", "json"));
        return java.util.stream.StreamSupport.stream(jobs.spliterator(), false)
                .filter(job -> job.path("name").asText().equals(name))
                .filter(job -> job.path("state").asText().equals("RUNNING"))
                .count();
    }

    @Test
    void givenARunningJob_whenRestartedWithANewJarAtTwiceItsParallelism_thenTheNewJarCarriesOnFromTheOldOnesState()
            throws Exception {
        // given
        submitCountingJob("upgrade", "1000");
        CountingOutput output = output("upgrade");
        output.awaitAtLeast(20, OUTPUT_TIMEOUT);
        java.nio.file.Path v2 = jarWithVersion("2");
        int tasksBefore = job("upgrade").get("tasksTotal").asInt();

        // when
        JsonNode restarted =
                json(cluster.ferry("job", "restart", "upgrade", "--jar", v2.toString(), "-p", "2", "-o", "json"));

        // then: the record names the new jar, which runs at parallelism 2 and continues each key's count
        assertThat(restarted.get("state").asText()).isEqualTo("RUNNING");
        assertThat(job("upgrade").get("artifact").asText()).contains("CountingJob-v2.jar");
        assertThat(job("upgrade").get("tasksTotal").asInt()).isEqualTo(2 * tasksBefore);
        output.awaitVersion("2", OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "upgrade", "-o", "json"));
        output.assertExactlyOnce(KEYS);
        assertThat(output.lines().stream().map(CountingOutput.Line::version).distinct())
                .containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void givenTheDefaultScheduler_whenOneVertexIsScaled_thenANewRunFromTheStopSavepointRunsItAtTheNewParallelism()
            throws Exception {
        // given: the counting job, its source and its counting vertex at parallelism 1
        JsonNode first = submitCountingJob("scale-by-savepoint", "1000");
        CountingOutput output = output("scale-by-savepoint");
        output.awaitAtLeast(20, OUTPUT_TIMEOUT);
        JsonNode counting = vertex("scale-by-savepoint", "count");
        assertThat(counting.get("origin").asText()).isEqualTo("submitted");

        // when: the counting vertex is scaled by its id, as 'ferry job status' shows it
        JsonNode scaled = json(cluster.ferry(
                "job",
                "scale",
                "scale-by-savepoint",
                "--vertex",
                counting.get("id").asText() + "=2",
                "-o",
                "json"));

        // then: the session's default scheduler cannot rescale in place, so a new run restored the savepoint
        assertThat(scaled.get("method").asText()).isEqualTo("savepoint");
        assertThat(scaled.get("state").asText()).isEqualTo("RUNNING");
        assertThat(scaled.get("jobId").asText()).isNotEqualTo(first.get("jobId").asText());
        assertThat(vertex("scale-by-savepoint", "count").get("parallelism").asInt())
                .isEqualTo(2);
        assertThat(vertex("scale-by-savepoint", "count").get("origin").asText()).isEqualTo("manual");
        assertThat(vertex("scale-by-savepoint", "Source").get("parallelism").asInt())
                .isEqualTo(1);

        // and a stop and resume keep it (Flink's parallelism overrides, from the job's record)
        json(cluster.ferry("job", "stop", "scale-by-savepoint", "-o", "json"));
        json(cluster.ferry("job", "resume", "scale-by-savepoint", "--from-latest", "-o", "json"));
        assertThat(vertex("scale-by-savepoint", "count").get("parallelism").asInt())
                .isEqualTo(2);
        int committed = output.lines().size();
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "scale-by-savepoint", "-o", "json"));
        output.assertExactlyOnce(KEYS);
    }

    @Test
    void givenTheAdaptiveScheduler_whenScaled_thenTheSameRunRescalesInPlaceAndARunAfterAKillKeepsIt() throws Exception {
        // given: the counting job in an application cluster on Flink's adaptive scheduler, one slot
        // per TaskManager: running at 2 takes a second TaskManager, which Flink asks YARN for
        JsonNode started = json(cluster.ferry(small(
                "app",
                "run",
                "--name",
                "scale-in-place",
                "--slots",
                "1",
                "-Djobmanager.scheduler=adaptive",
                "-Djobmanager.adaptive-scheduler.scaling-interval.min=2s",
                countingJar(),
                "-o",
                "json",
                "--",
                "--output",
                cluster.hdfs("/out/scale-in-place"),
                "--rate",
                "20",
                "--checkpoint-interval",
                "1000")));
        CountingOutput output = output("scale-in-place");
        output.awaitAtLeast(20, OUTPUT_TIMEOUT);

        // when
        JsonNode scaled = json(cluster.ferry("job", "scale", "scale-in-place", "--parallelism", "2", "-o", "json"));

        // then: the same job id runs every vertex at 2, as Flink's REST API shows
        assertThat(scaled.get("method").asText()).isEqualTo("in-place");
        assertThat(scaled.get("state").asText()).isEqualTo("RUNNING");
        assertThat(scaled.get("jobId").asText()).isEqualTo(started.get("jobId").asText());
        assertThat(job("scale-in-place").get("vertices"))
                .allSatisfy(v -> assertThat(v.get("parallelism").asInt()).isEqualTo(2));
        int committed = output.lines().size();
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);

        // and a run after YARN killed the cluster keeps the parallelism, exactly once
        cluster.yarn()
                .killApplication(
                        ApplicationId.fromString(started.get("applicationId").asText()));
        json(cluster.ferry("job", "resume", "scale-in-place", "--from-latest", "-o", "json"));
        assertThat(job("scale-in-place").get("vertices"))
                .allSatisfy(v -> assertThat(v.get("parallelism").asInt()).isEqualTo(2));
        committed = output.lines().size();
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "scale-in-place", "-o", "json"));
        output.assertExactlyOnce(KEYS);
    }

    @Test
    void givenAPathWithoutAuthority_whenASessionJobWritesThere_thenItLandsOnTheClustersFileSystem() throws Exception {
        // given: hdfs:///path, which means the cluster's fs.defaultFS
        String output = cluster.hdfsWithoutAuthority("/out/no-authority");

        // when: a bounded run of the counting job
        json(cluster.ferry(
                "job",
                "submit",
                "--session",
                SESSION,
                "--name",
                "no-authority",
                countingJar(),
                "-o",
                "json",
                "--",
                "--output",
                output,
                "--count",
                "40",
                "--rate",
                "200",
                "--checkpoint-interval",
                "500"));

        // then
        awaitJobState("no-authority", "FINISHED");
        List<CountingOutput.Line> lines = output("no-authority").lines();
        assertThat(lines).hasSize(40);
        output("no-authority").assertExactlyOnce(KEYS);
    }

    @Test
    void givenAnApplicationClusterThatYarnKilled_whenResumedFromLatest_thenItsLastCheckpointIsRestoredExactlyOnce()
            throws Exception {
        // given: the job in an application cluster named after it, writing to a path without authority
        JsonNode started = json(cluster.ferry(small(
                "app",
                "run",
                "--name",
                "appcounter",
                countingJar(),
                "-o",
                "json",
                "--",
                "--output",
                cluster.hdfsWithoutAuthority("/out/appcounter"),
                "--rate",
                "20",
                "--checkpoint-interval",
                "1000")));
        assertThat(started.get("mode").asText()).isEqualTo("application");
        JsonNode status = job("appcounter");
        assertThat(status.get("cluster").asText()).isEqualTo("appcounter");
        assertThat(status.get("applicationId").asText())
                .isEqualTo(started.get("applicationId").asText());
        CountingOutput output = output("appcounter");
        output.awaitAtLeast(30, OUTPUT_TIMEOUT);
        String killed = started.get("applicationId").asText();
        cluster.yarn().killApplication(ApplicationId.fromString(killed));

        // when
        JsonNode resumed = json(cluster.ferry("job", "resume", "appcounter", "--from-latest", "-o", "json"));

        // then: a new cluster, from a retained checkpoint, nothing lost or repeated; nothing left running
        assertThat(resumed.get("applicationId").asText()).isNotEqualTo(killed);
        assertThat(resumed.get("restoredFrom").asText()).contains("/chk-");
        int committed = output.lines().size();
        output.awaitAtLeast(committed + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "appcounter", "-o", "json"));
        output.assertExactlyOnce(KEYS);
        assertThat(cluster.liveApplications())
                .extracting(ApplicationReport::getName)
                .doesNotContain("appcounter");
    }

    @Test
    void givenABoundedJob_whenRunInAPerJobCluster_thenTheClusterEndsWithItSuccessfully() throws Exception {
        // when
        JsonNode started = json(cluster.ferry(small(
                "app",
                "run",
                "--mode",
                "per-job",
                "--name",
                "perjob",
                countingJar(),
                "-o",
                "json",
                "--",
                "--output",
                cluster.hdfsWithoutAuthority("/out/perjob"),
                "--count",
                "100",
                "--rate",
                "200",
                "--checkpoint-interval",
                "500")));

        // then
        assertThat(started.get("mode").asText()).isEqualTo("per-job");
        ApplicationId id = ApplicationId.fromString(started.get("applicationId").asText());
        ApplicationReport ended = awaitEnded(id);
        assertThat(ended.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(output("perjob").lines()).hasSize(100);
        output("perjob").assertExactlyOnce(KEYS);
    }

    @Test
    void givenASavepointPathThatDoesNotExist_whenSubmittedFromIt_thenItIsRefusedAndNothingIsSubmittedOrRecorded()
            throws Exception {
        // given
        int jobsInSession = sessionJobs();

        // when
        FerryCliRun run = cluster.ferry(
                "job",
                "submit",
                "--session",
                SESSION,
                "--name",
                "from-nowhere",
                "--from-savepoint",
                "hdfs:///nosuch",
                countingJar(),
                "--",
                "--output",
                cluster.hdfs("/out/from-nowhere"));

        // then
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).contains("No savepoint at hdfs:///nosuch", "nothing was submitted");
        assertThat(sessionJobs()).isEqualTo(jobsInSession);
        assertThat(cluster.ferry("job", "status", "from-nowhere").exitCode()).isEqualTo(3);
    }

    @Test
    void givenASqlScriptInASession_whenStoppedAndResumedFromLatest_thenEveryNumberIsWrittenOnce() throws Exception {
        // given: a streaming INSERT started from a script, recorded under the script's name
        String script = file("numbers.sql", sequenceScript("/out/numbers"));
        JsonNode started = json(cluster.ferry("sql", "-f", script, "--session", SESSION, "-o", "json"));
        assertThat(started.get("job").get("name").asText()).isEqualTo("numbers");
        assertThat(started.get("job").get("state").asText()).isEqualTo("RUNNING");
        JsonNode status = job("numbers");
        assertThat(status.get("kind").asText()).isEqualTo("sql");
        assertThat(status.get("artifact").asText()).endsWith("/numbers.sql");
        awaitLines("/out/numbers", 20);

        // when
        json(cluster.ferry("job", "stop", "numbers", "-o", "json"));
        JsonNode resumed = json(cluster.ferry("job", "resume", "numbers", "--from-latest", "-o", "json"));

        // then
        assertThat(resumed.get("state").asText()).isEqualTo("RUNNING");
        int before = numbers("/out/numbers").size();
        awaitLines("/out/numbers", before + 20);
        json(cluster.ferry("job", "stop", "numbers", "-o", "json"));
        List<Long> numbers = numbers("/out/numbers");
        long max = numbers.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(numbers.stream().mapToLong(Long::longValue).sorted().toArray())
                .containsExactly(LongStream.rangeClosed(0, max).toArray());
    }

    @Test
    void givenFunctionJarsBuiltByTheTest_whenASessionScriptUsesThem_thenItsRowsComeFromThemAcrossAStopAndResume()
            throws Exception {
        // given: a scalar function in a local jar (--jar) and a table function in a jar on HDFS (USING JAR)
        java.nio.file.Path labelJar = FunctionJar.build(cluster.work().resolve("label.jar"), "it.udf.Label", LABEL);
        java.nio.file.Path tensJar = FunctionJar.build(cluster.work().resolve("tens.jar"), "it.udf.Tens", TENS);
        cluster.fileSystem().copyFromLocalFile(new Path(tensJar.toUri()), new Path(cluster.hdfs("/jars/tens.jar")));
        String script = file("functions.sql", functionsScript("/out/functions", cluster.hdfs("/jars/tens.jar")));

        // when
        JsonNode started = json(
                cluster.ferry("sql", "-f", script, "--session", SESSION, "--jar", labelJar.toString(), "-o", "json"));
        awaitLines("/out/functions", 20);
        json(cluster.ferry("job", "stop", "functions", "-o", "json"));
        JsonNode resumed = json(cluster.ferry("job", "resume", "functions", "--from-latest", "-o", "json"));

        // then: every row was made by both functions, and each number came once, before and after the resume
        assertThat(started.get("job").get("state").asText()).isEqualTo("RUNNING");
        assertThat(resumed.get("state").asText()).isEqualTo("RUNNING");
        int before = lines("/out/functions").size();
        awaitLines("/out/functions", before + 20);
        json(cluster.ferry("job", "stop", "functions", "-o", "json"));
        List<String> rows = lines("/out/functions");
        assertThat(rows).allSatisfy(row -> {
            long n = Long.parseLong(row.split(",")[0]);
            assertThat(row.replace("\"", "")).isEqualTo(n + ",#" + n + "," + (10 * n));
        });
        assertThat(rows.stream()
                        .mapToLong(row -> Long.parseLong(row.split(",")[0]))
                        .sorted()
                        .toArray())
                .containsExactly(LongStream.range(0, rows.size()).toArray());
    }

    @Test
    void givenAFunctionJar_whenAScriptUsingItRunsAsAnApplication_thenTheClusterFindsItsFunctions() throws Exception {
        // given: both functions from local jars given with --jar
        java.nio.file.Path labelJar = FunctionJar.build(cluster.work().resolve("label-app.jar"), "it.udf.Label", LABEL);
        java.nio.file.Path tensJar = FunctionJar.build(cluster.work().resolve("tens-app.jar"), "it.udf.Tens", TENS);
        String script = file("app-functions.sql", functionsScript("/out/app-functions", null));

        // when
        JsonNode started = json(cluster.ferry(small(
                "sql",
                "-f",
                script,
                "--application",
                "--jar",
                labelJar.toString(),
                "--jar",
                tensJar.toString(),
                "-o",
                "json")));

        // then
        assertThat(started.get("job").get("mode").asText()).isEqualTo("application");
        awaitLines("/out/app-functions", 10);
        json(cluster.ferry("job", "stop", "app-functions", "-o", "json"));
        assertThat(lines("/out/app-functions")).allSatisfy(row -> {
            long n = Long.parseLong(row.split(",")[0]);
            assertThat(row.replace("\"", "")).isEqualTo(n + ",#" + n + "," + (10 * n));
        });
    }

    @Test
    void givenAConnectorJarNotInLib_whenATableUsesItsFactory_thenAQueryReadsFromIt() throws Exception {
        // given: a table source factory ('connector' = 'it-counter') in a jar built by the test
        java.nio.file.Path connector = FunctionJar.build(
                cluster.work().resolve("counter-connector.jar"),
                "it.connector.CounterFactory",
                COUNTER_CONNECTOR,
                Map.of("META-INF/services/org.apache.flink.table.factories.Factory", "it.connector.CounterFactory\n"));

        // when
        JsonNode result = json(cluster.ferry(
                "sql",
                "--session",
                SESSION,
                "--jar",
                connector.toString(),
                "--max-rows",
                "5",
                "-o",
                "json",
                "-e",
                "CREATE TEMPORARY TABLE counter (n BIGINT) WITH ('connector' = 'it-counter');\n"
                        + "SELECT n FROM counter;"));

        // then
        assertThat(result.get("queries").get(0).get("rows").toString())
                .isEqualTo("[[\"+I\",\"0\"],[\"+I\",\"1\"],[\"+I\",\"2\"],[\"+I\",\"3\"],[\"+I\",\"4\"]]");
    }

    /** A table source factory and an endless source of 0, 1, 2, ... on Flink's SourceFunction. */
    private static final String COUNTER_CONNECTOR = String.join(
            "\n",
            "package it.connector;",
            "import java.util.Set;",
            "import org.apache.flink.configuration.ConfigOption;",
            "import org.apache.flink.streaming.api.functions.source.SourceFunction;",
            "import org.apache.flink.table.connector.ChangelogMode;",
            "import org.apache.flink.table.connector.source.DynamicTableSource;",
            "import org.apache.flink.table.connector.source.ScanTableSource;",
            "import org.apache.flink.table.connector.source.SourceFunctionProvider;",
            "import org.apache.flink.table.data.GenericRowData;",
            "import org.apache.flink.table.data.RowData;",
            "import org.apache.flink.table.factories.DynamicTableSourceFactory;",
            "public class CounterFactory implements DynamicTableSourceFactory {",
            "    public String factoryIdentifier() { return \"it-counter\"; }",
            "    public Set<ConfigOption<?>> requiredOptions() { return Set.of(); }",
            "    public Set<ConfigOption<?>> optionalOptions() { return Set.of(); }",
            "    public DynamicTableSource createDynamicTableSource(Context context) { return new CounterSource(); }",
            "}",
            "class CounterSource implements ScanTableSource {",
            "    public ChangelogMode getChangelogMode() { return ChangelogMode.insertOnly(); }",
            "    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {",
            "        return SourceFunctionProvider.of(new Counter(), false);",
            "    }",
            "    public DynamicTableSource copy() { return new CounterSource(); }",
            "    public String asSummaryString() { return \"it-counter\"; }",
            "}",
            "class Counter implements SourceFunction<RowData> {",
            "    private volatile boolean running = true;",
            "    public void run(SourceContext<RowData> context) throws Exception {",
            "        for (long n = 0; running; n++) {",
            "            synchronized (context.getCheckpointLock()) { context.collect(GenericRowData.of(n)); }",
            "            Thread.sleep(20);",
            "        }",
            "    }",
            "    public void cancel() { running = false; }",
            "}");

    private static final String LABEL = String.join(
            "\n",
            "package it.udf;",
            "public class Label extends org.apache.flink.table.functions.ScalarFunction {",
            "    public String eval(Long n) { return \"#\" + n; }",
            "}");

    private static final String TENS = String.join(
            "\n",
            "package it.udf;",
            "public class Tens extends org.apache.flink.table.functions.TableFunction<Long> {",
            "    public void eval(Long n) { collect(10 * n); }",
            "}");

    /** The numbers, labelled by Label and multiplied by Tens; {@code tensJar} null: Tens comes from --jar. */
    private static String functionsScript(String output, String tensJar) {
        return String.join(
                "\n",
                "SET 'execution.checkpointing.interval' = '1s';",
                "CREATE TEMPORARY FUNCTION label AS 'it.udf.Label';",
                "CREATE TEMPORARY FUNCTION tens AS 'it.udf.Tens'"
                        + (tensJar == null ? "" : " USING JAR '" + tensJar + "'") + ";",
                "CREATE TABLE seq (n BIGINT) WITH (",
                "  'connector' = 'datagen', 'rows-per-second' = '20',",
                "  'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '100000');",
                "CREATE TABLE labelled (n BIGINT, label STRING, tens BIGINT) WITH (",
                "  'connector' = 'filesystem', 'path' = '" + cluster.hdfs(output) + "', 'format' = 'csv');",
                "INSERT INTO labelled SELECT n, label(n), t FROM seq, LATERAL TABLE(tens(n)) AS x(t);",
                "");
    }

    @Test
    void givenAnUpdatingStreamingQuery_whenPreviewedWithARowLimit_thenItReturnsItsChangelogAndLeavesNoJob()
            throws Exception {
        // when: an endless aggregation over two keys, previewed for 6 rows
        FerryCliRun preview = cluster.ferry(
                "sql",
                "--session",
                SESSION,
                "--name",
                "preview",
                "--max-rows",
                "6",
                "-o",
                "json",
                "-e",
                "CREATE TEMPORARY TABLE keys (k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20',"
                        + " 'fields.k.min' = '1', 'fields.k.max' = '2');\n"
                        + "SELECT k, COUNT(*) AS c FROM keys GROUP BY k;");
        JsonNode result = json(preview);

        // then: the changelog's first 6 rows, one JSON line each as they came, then the summary with
        // updates among them, and the query's job cancelled
        List<JsonNode> lines = JsonLines.all(preview.stdout());
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(0, 6)).allSatisfy(line -> {
            assertThat(line.get("query").asInt()).isZero();
            assertThat(line.get("row").get("op").asText()).isIn("+I", "-U", "+U");
            assertThat(line.get("row").has("k")).isTrue();
        });
        JsonNode query = result.get("queries").get(0);
        assertThat(query.get("columns").get(0).asText()).isEqualTo("op");
        assertThat(query.get("rows")).hasSize(6);
        assertThat(query.get("rows").toString()).contains("\"+U\"", "\"-U\"");
        assertThat(query.get("truncated").asBoolean()).isTrue();
        long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
        while (json(cluster.ferry("job", "list", "--session", SESSION, "-o", "json"))
                .toString()
                .contains("preview")) {
            assertThat(System.nanoTime()).as("the preview's job ended").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @Test
    void aQueryInASessionReturnsItsRows() throws Exception {
        JsonNode result = json(cluster.ferry(
                "sql",
                "--session",
                SESSION,
                "-o",
                "json",
                "-e",
                "SELECT id, name FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name);"));

        assertThat(result.get("job").isNull()).isTrue();
        JsonNode query = result.get("queries").get(0);
        assertThat(query.get("columns").toString()).contains("id", "name");
        assertThat(query.get("rows").toString()).contains("\"1\",\"a\"", "\"2\",\"b\"");
    }

    /**
     * A checkpointed sequence 0, 1, 2, ... into CSV files on HDFS, committed on checkpoints. The
     * end stays small: the datagen sequence holds every value on the heap when it opens, and
     * 100 000 000 of them ran the TaskManager out of memory.
     */
    private static String sequenceScript(String output) {
        return String.join(
                "\n",
                "-- the counting job, in SQL",
                "SET 'execution.checkpointing.interval' = '1s';",
                "CREATE TABLE seq (n BIGINT) WITH (",
                "  'connector' = 'datagen', 'rows-per-second' = '20',",
                "  'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '100000');",
                "CREATE TABLE numbers (n BIGINT) WITH (",
                "  'connector' = 'filesystem', 'path' = '" + cluster.hdfs(output) + "', 'format' = 'csv');",
                "INSERT INTO numbers SELECT n FROM seq;",
                "");
    }

    private static String file(String name, String content) throws Exception {
        return Files.writeString(cluster.work().resolve(name), content).toString();
    }

    /** Numbers in the committed files; in-progress files start with a dot. */
    private static List<Long> numbers(String dir) throws Exception {
        return lines(dir).stream().map(l -> Long.parseLong(l.trim())).toList();
    }

    /** The non-blank lines of the committed files under {@code dir}. */
    private static List<String> lines(String dir) throws Exception {
        FileSystem fs = cluster.fileSystem();
        List<String> lines = new ArrayList<>();
        Path root = new Path(cluster.hdfs(dir));
        if (!fs.exists(root)) {
            return lines;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            if (file.getName().startsWith(".") || file.getName().startsWith("_")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
                in.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        return lines;
    }

    private static void awaitLines(String dir, int count) throws Exception {
        long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
        while (lines(dir).size() < count) {
            assertThat(System.nanoTime())
                    .as("%d lines committed in %s", count, dir)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Small containers, so the session and a job cluster fit side by side. */
    private static String[] small(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of("--jm-memory", "1024m", "--tm-memory", "1024m", "-Dtaskmanager.memory.managed.fraction=0.2"));
        return all.toArray(String[]::new);
    }

    private static String countingJar() {
        return cluster.home().resolve("examples/CountingJob.jar").toString();
    }

    /** The counting job in the session, 20 records a second into /out/NAME; returns when it runs. */
    private static JsonNode submitCountingJob(String name, String checkpointIntervalMs) throws Exception {
        JsonNode started = json(cluster.ferry(
                "job",
                "submit",
                "--session",
                SESSION,
                "--name",
                name,
                countingJar(),
                "-o",
                "json",
                "--",
                "--output",
                cluster.hdfs("/out/" + name),
                "--rate",
                "20",
                "--checkpoint-interval",
                checkpointIntervalMs));
        assertThat(started.get("state").asText()).isEqualTo("RUNNING");
        return started;
    }

    /**
     * The newest completed checkpoint a cancelled job left (it retains it), as its path. Read from
     * the file system: the JobManager's REST answers come from a cache that may lag a checkpoint.
     */
    private static String retainedCheckpoint(String jobId) throws Exception {
        FileSystem fs = cluster.fileSystem();
        Path newest = null;
        for (FileStatus dir : fs.listStatus(new Path(cluster.hdfs("/ferry/checkpoints/" + jobId)))) {
            Path path = dir.getPath();
            if (path.getName().startsWith("chk-")
                    && fs.exists(new Path(path, "_metadata"))
                    && (newest == null || checkpointId(path) > checkpointId(newest))) {
                newest = path;
            }
        }
        assertThat(newest).as("a retained checkpoint of %s", jobId).isNotNull();
        return newest.toString();
    }

    private static long checkpointId(Path chk) {
        return Long.parseLong(chk.getName().substring("chk-".length()));
    }

    private static CountingOutput output(String name) throws Exception {
        return new CountingOutput(cluster.fileSystem(), cluster.hdfs("/out/" + name));
    }

    /** The command's JSON document; of {@code ferry sql}'s JSON lines (a row per line), the last: its summary. */
    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JsonLines.last(run.stdout());
    }

    private static JsonNode job(String name) throws Exception {
        return json(cluster.ferry("job", "status", name, "-o", "json"));
    }

    /** The first vertex of the running job whose name starts with {@code namePrefix}, from 'ferry job status'. */
    private static JsonNode vertex(String job, String namePrefix) throws Exception {
        for (JsonNode vertex : job(job).get("vertices")) {
            if (vertex.get("name").asText().startsWith(namePrefix)) {
                return vertex;
            }
        }
        throw new AssertionError("job " + job + " has no vertex named " + namePrefix + "...: " + job(job));
    }

    private static int sessionJobs() throws Exception {
        return json(cluster.ferry("session", "status", SESSION, "-o", "json"))
                .get("jobs")
                .size();
    }

    private static void awaitJobState(String name, String state) throws Exception {
        long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
        while (!job(name).get("state").asText().equals(state)) {
            assertThat(System.nanoTime())
                    .as("job %s %s within %s", name, state, OUTPUT_TIMEOUT)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static ApplicationReport awaitEnded(ApplicationId id) throws Exception {
        long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
        EnumSet<YarnApplicationState> ended =
                EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);
        while (true) {
            ApplicationReport report = cluster.yarn().getApplicationReport(id);
            if (ended.contains(report.getYarnApplicationState())) {
                return report;
            }
            assertThat(System.nanoTime())
                    .as("%s ended within %s", id, OUTPUT_TIMEOUT)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** A copy of CountingJob.jar stamped with another version: the "new build" of an upgrade. */
    private static java.nio.file.Path jarWithVersion(String version) throws Exception {
        java.nio.file.Path target = cluster.work().resolve("CountingJob-v" + version + ".jar");
        String resource = "dev/ferry/examples/counting-job.version";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(java.nio.file.Path.of(countingJar())));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(
                        entry.getName().equals(resource)
                                ? version.getBytes(StandardCharsets.UTF_8)
                                : bytes.toByteArray());
                out.closeEntry();
            }
        }
        return target;
    }
}
