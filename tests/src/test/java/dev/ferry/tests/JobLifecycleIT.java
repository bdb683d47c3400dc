package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle of jobs on a real YARN and HDFS: a jar job in a session, the same jar in an
 * application and a per-job cluster, stop/resume, kill/resume, restart with a new jar, and the
 * exactly-once output of the counting job across all of it. Steps share clusters and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEYS = 4;
    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(90);
    private static YarnTestCluster cluster;
    private static CountingOutput sessionOutput;
    private static CountingOutput appOutput;

    @BeforeAll
    static void startYarnWithASession() throws Exception {
        cluster = YarnTestCluster.start(
                "jobs-it",
                EmbeddedCluster.builder().nodeManagerMemoryMb(8192).queue("default", 100),
                running -> String.join("\n", "ferry.deploy.timeout: 120s", "ferry.job.running-timeout: 120s", ""));
        sessionOutput = new CountingOutput(cluster.fileSystem(), cluster.hdfs("/out/session"));
        appOutput = new CountingOutput(cluster.fileSystem(), cluster.hdfs("/out/app"));
        json(cluster.ferry(small("session", "start", "jobs", "--min-taskmanagers", "1", "--slots", "2", "-o", "json")));
    }

    @AfterAll
    static void stopYarn() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Small containers, so a session and a job cluster fit side by side. */
    private static String[] small(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of("--jm-memory", "1024m", "--tm-memory", "1024m", "-Dtaskmanager.memory.managed.fraction=0.2"));
        return all.toArray(String[]::new);
    }

    private static String countingJar() {
        return cluster.home().resolve("examples/CountingJob.jar").toString();
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static JsonNode job(String name) throws Exception {
        return json(cluster.ferry("job", "status", name, "-o", "json"));
    }

    private static List<ApplicationReport> liveApplications() throws Exception {
        return cluster.yarn()
                .getApplications(
                        Set.of("Apache Flink"),
                        EnumSet.of(
                                YarnApplicationState.ACCEPTED,
                                YarnApplicationState.RUNNING,
                                YarnApplicationState.NEW,
                                YarnApplicationState.NEW_SAVING,
                                YarnApplicationState.SUBMITTED));
    }

    @Test
    @Order(1)
    void aJarJobInASessionRunsAndIsListedUnderItsName() throws Exception {
        JsonNode started = json(cluster.ferry(
                "job",
                "submit",
                "--session",
                "jobs",
                "--name",
                "counter",
                countingJar(),
                "-o",
                "json",
                "--",
                "--output",
                cluster.hdfs("/out/session"),
                "--rate",
                "20"));

        assertThat(started.get("state").asText()).isEqualTo("RUNNING");
        JsonNode list = json(cluster.ferry("job", "list", "-o", "json"));
        assertThat(StreamSupport.stream(list.spliterator(), false)
                        .map(j -> j.get("name").asText()))
                .contains("counter");
        JsonNode status = job("counter");
        assertThat(status.get("state").asText()).isEqualTo("RUNNING");
        assertThat(status.get("cluster").asText()).isEqualTo("jobs");
        assertThat(status.get("mode").asText()).isEqualTo("session");
        assertThat(status.get("artifact").asText())
                .startsWith(cluster.hdfs("/ferry/artifacts/"))
                .endsWith("CountingJob.jar");
    }

    @Test
    @Order(2)
    void aStoppedJobResumesFromItsSavepointWithoutLosingOrRepeatingRecords() throws Exception {
        sessionOutput.awaitAtLeast(20, OUTPUT_TIMEOUT);

        JsonNode stopped = json(cluster.ferry("job", "stop", "counter", "-o", "json"));
        String savepoint = stopped.get("savepoint").asText();
        assertThat(cluster.fileSystem().exists(new Path(savepoint, "_metadata")))
                .isTrue();
        assertThat(job("counter").get("state").asText()).isEqualTo("FINISHED");

        JsonNode resumed = json(cluster.ferry("job", "resume", "counter", "--from-latest", "-o", "json"));

        assertThat(resumed.get("state").asText()).isEqualTo("RUNNING");
        assertThat(resumed.get("restoredFrom").asText()).isEqualTo(savepoint);
        int before = sessionOutput.lines().size();
        sessionOutput.awaitAtLeast(before + 20, OUTPUT_TIMEOUT);
        sessionOutput.assertExactlyOnce(KEYS);
    }

    @Test
    @Order(3)
    void aRestartWithANewJarKeepsTheStateAndTheCountContinues() throws Exception {
        java.nio.file.Path v2 = jarWithVersion("2");

        JsonNode restarted = json(cluster.ferry("job", "restart", "counter", "--jar", v2.toString(), "-o", "json"));

        assertThat(restarted.get("state").asText()).isEqualTo("RUNNING");
        assertThat(job("counter").get("artifact").asText()).contains("CountingJob-v2.jar");
        sessionOutput.awaitVersion("2", OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "counter", "-o", "json"));
        sessionOutput.assertExactlyOnce(KEYS);
        assertThat(sessionOutput.lines().stream()
                        .map(CountingOutput.Line::version)
                        .distinct())
                .containsExactlyInAnyOrder("1", "2");
    }

    @Test
    @Order(4)
    void theSameJarRunsAsAnApplicationClusterNamedAfterTheJob() throws Exception {
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
                cluster.hdfs("/out/app"),
                "--rate",
                "20")));

        assertThat(started.get("state").asText()).isEqualTo("RUNNING");
        assertThat(started.get("mode").asText()).isEqualTo("application");
        JsonNode status = job("appcounter");
        assertThat(status.get("cluster").asText()).isEqualTo("appcounter");
        assertThat(status.get("mode").asText()).isEqualTo("application");
        assertThat(status.get("applicationId").asText())
                .isEqualTo(started.get("applicationId").asText());
    }

    @Test
    @Order(5)
    void aKilledApplicationClusterResumesFromTheLatestCheckpointExactlyOnce() throws Exception {
        appOutput.awaitAtLeast(30, OUTPUT_TIMEOUT);
        String killed = job("appcounter").get("applicationId").asText();
        cluster.yarn().killApplication(ApplicationId.fromString(killed));

        JsonNode resumed = json(cluster.ferry("job", "resume", "appcounter", "--from-latest", "-o", "json"));

        assertThat(resumed.get("state").asText()).isEqualTo("RUNNING");
        assertThat(resumed.get("applicationId").asText()).isNotEqualTo(killed);
        assertThat(resumed.get("restoredFrom").asText()).contains("/chk-");
        int before = appOutput.lines().size();
        appOutput.awaitAtLeast(before + 20, OUTPUT_TIMEOUT);
        json(cluster.ferry("job", "stop", "appcounter", "-o", "json"));
        appOutput.assertExactlyOnce(KEYS);
        assertThat(liveApplications()).extracting(ApplicationReport::getName).containsExactly("jobs");
    }

    @Test
    @Order(6)
    void aPerJobClusterRunsABoundedJobAndEndsWithIt() throws Exception {
        String wordCount =
                cluster.home().resolve("examples/StreamingWordCount.jar").toString();

        JsonNode started = json(cluster.ferry(small(
                "app",
                "run",
                "--mode",
                "per-job",
                "--name",
                "wc-perjob",
                wordCount,
                "-o",
                "json",
                "--",
                "--count",
                "100",
                "--rate",
                "200",
                "--output",
                cluster.hdfs("/out/perjob"))));

        assertThat(started.get("mode").asText()).isEqualTo("per-job");
        assertThat(started.get("state").asText()).isIn("RUNNING", "FINISHED");
        awaitEnded(ApplicationId.fromString(started.get("applicationId").asText()), Duration.ofSeconds(90));
        assertThat(cluster.yarn()
                        .getApplicationReport(ApplicationId.fromString(
                                started.get("applicationId").asText()))
                        .getFinalApplicationStatus()
                        .name())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(7)
    void stoppingAJobThatAlreadyFinishedIsRefused() throws Exception {
        String wordCount =
                cluster.home().resolve("examples/StreamingWordCount.jar").toString();
        json(cluster.ferry(
                "job",
                "submit",
                "--session",
                "jobs",
                "--name",
                "wc-done",
                wordCount,
                "-o",
                "json",
                "--",
                "--count",
                "20",
                "--rate",
                "200",
                "--output",
                cluster.hdfs("/out/done")));
        awaitJobState("wc-done", "FINISHED", Duration.ofSeconds(60));

        FerryCliRun run = cluster.ferry("job", "stop", "wc-done");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains("Cannot stop job 'wc-done': it is already FINISHED", "ferry job resume");
    }

    @Test
    @Order(8)
    void badInputIsRefusedWithOneLineAndNothingIsSubmitted() throws Exception {
        List<ApplicationReport> before = liveApplications();
        int jobsBefore =
                json(cluster.ferry("job", "list", "--all", "-o", "json")).size();

        assertRefused(cluster.ferry("app", "run", "/no/such.jar"), 2, "Jar file /no/such.jar does not exist");
        assertRefused(
                cluster.ferry("app", "run", "--class", "com.example.Nope", countingJar()),
                2,
                "com.example.Nope",
                "--class");
        assertRefused(
                cluster.ferry("job", "submit", "--session", "nosuch", countingJar()),
                3,
                "No running Ferry cluster is named 'nosuch'");
        assertRefused(
                cluster.ferry("job", "resume", "appcounter", "--from-savepoint", cluster.hdfs("/no/savepoint")),
                2,
                "No savepoint at " + cluster.hdfs("/no/savepoint"));
        assertRefused(cluster.ferry("job", "status", "nosuchjob"), 3, "No job is named or numbered 'nosuchjob'");

        assertThat(liveApplications()).hasSameSizeAs(before);
        assertThat(json(cluster.ferry("job", "list", "--all", "-o", "json")).size())
                .isEqualTo(jobsBefore);
    }

    private static void assertRefused(FerryCliRun run, int exitCode, String... messageParts) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(exitCode);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).contains(messageParts);
    }

    private static void awaitJobState(String name, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!job(name).get("state").asText().equals(state)) {
            assertThat(System.nanoTime())
                    .as("job %s %s within %s", name, state, timeout)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static void awaitEnded(ApplicationId id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED)
                .stream()
                .noneMatch(s -> s == reportState(id))) {
            assertThat(System.nanoTime()).as("%s ended within %s", id, timeout).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static YarnApplicationState reportState(ApplicationId id) {
        try {
            return cluster.yarn().getApplicationReport(id).getYarnApplicationState();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of CountingJob.jar stamped with another version: the "new build" of an upgrade. */
    private static java.nio.file.Path jarWithVersion(String version) throws Exception {
        java.nio.file.Path target = Files.createDirectories(java.nio.file.Path.of("target", "jobs-it"))
                .resolve("CountingJob-v" + version + ".jar")
                .toAbsolutePath();
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
