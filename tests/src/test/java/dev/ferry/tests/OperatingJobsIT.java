package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operating running jobs on a real YARN: {@code ferry logs} of a running session's JobManager and
 * TaskManagers (from the NodeManagers), followed until Ctrl-C, and {@code ferry diagnose} on one
 * purpose-built job per symptom (examples/SymptomJob.jar), all running side by side in one session.
 * How the findings are ranked and worded is unit tested against fakes (DiagnoserTest); the ended
 * clusters' logs (YARN's aggregated logs, a dead JobManager attempt's) are read in
 * JobManagerFailoverIT, which kills JobManagers anyway. The memory-hog symptom is not run: the test
 * cluster's NodeManager does not enforce container memory (see YarnSettings), so nothing would
 * stop it; MemoryRule is unit tested with YARN's own diagnostics. The session pushes its metrics to
 * a real Pushgateway, Prometheus and Alertmanager ({@link TestMonitoring}): a job's metrics are found
 * by Ferry's labels, the restarting job is alerted at a webhook, and jobs run on once the monitoring
 * is gone.
 */
@Timeout(300)
class OperatingJobsIT {

    @RegisterExtension
    static final YarnTestCluster cluster = YarnTestCluster.suite("operate-it");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "ops";
    private static final List<String> SYMPTOMS =
            List.of("slow-sink", "hot-key", "late-events", "stuck-checkpoint", "poison", "healthy");
    private static final Duration DIAGNOSIS_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ALERT_TIMEOUT = Duration.ofMinutes(2);

    private static TestMonitoring monitoring;

    @BeforeAll
    static void startASessionRunningOneJobPerSymptom() throws Exception {
        monitoring = TestMonitoring.start(cluster.work().resolve("monitoring"));
        monitoring.ferrySettings().forEach(cluster::set);
        json(cluster.ferry(
                "session",
                "start",
                SESSION,
                "--min-taskmanagers",
                "1",
                "--slots",
                "4",
                "--jm-memory",
                "1024m",
                "--tm-memory",
                "1024m",
                "-Dtaskmanager.memory.managed.fraction=0.1",
                "-o",
                "json"));
        for (String symptom : SYMPTOMS) {
            json(cluster.ferry(
                    "job",
                    "submit",
                    "--session",
                    SESSION,
                    "--name",
                    symptom,
                    "--detached",
                    cluster.home().resolve("examples/SymptomJob.jar").toString(),
                    "-o",
                    "json",
                    "--",
                    "--symptom",
                    symptom,
                    "--every",
                    "1000"));
        }
    }

    @AfterAll
    static void stopTheMonitoring() {
        if (monitoring != null) {
            monitoring.close();
        }
    }

    @Test
    void givenMonitoringOnByDefault_whenJobsRunAndOneRestarts_thenPrometheusAndTheWebhookSeeThemAndJobsOutliveIt()
            throws Exception {
        // then: a running job's records are in Prometheus under Ferry's job, cluster and queue labels
        JsonNode records = monitoring.awaitQuery(
                "sum by (job_name, ferry_cluster, ferry_queue) (flink_taskmanager_job_task_numRecordsIn{"
                        + "job_name=\"healthy\", ferry_cluster=\"" + SESSION + "\", ferry_queue=\"default\"}) > 0",
                Duration.ofSeconds(90));
        assertThat(records.get(0).get("value").get(1).asDouble()).isPositive();

        // and the job that restarts over and over is alerted at the webhook, naming job, cluster and queue
        JsonNode alert = monitoring.awaitAlert(
                a -> a.path("labels").path("alertname").asText().equals("FerryJobRestarting")
                        && a.path("labels").path("job_name").asText().equals("poison"),
                ALERT_TIMEOUT);
        assertThat(alert.get("labels").get("ferry_cluster").asText()).isEqualTo(SESSION);
        assertThat(alert.get("labels").get("ferry_queue").asText()).isEqualTo("default");

        // when: Prometheus, Alertmanager and the Pushgateway go away
        monitoring.stopServers();
        Thread.sleep(10_000); // five push intervals: every container has failed to push a few times

        // then the jobs and the session run on
        assertThat(json(cluster.ferry("job", "status", "healthy", "-o", "json"))
                        .get("state")
                        .asText())
                .isEqualTo("RUNNING");
        assertThat(json(cluster.ferry("session", "status", SESSION, "-o", "json"))
                        .get("state")
                        .asText())
                .isEqualTo("RUNNING");
    }

    @Test
    void givenARunningSession_whenItsLogIsAsked_thenTheJobManagersLogIsPrinted() {
        FerryCliRun logs = cluster.ferry("logs", SESSION, "--grep", "YarnSessionClusterEntrypoint");

        assertThat(logs.exitCode()).as(logs.stderr()).isZero();
        assertThat(logs.stdout()).contains("Starting YarnSessionClusterEntrypoint");
    }

    @Test
    void givenATaskManagerIdThatDoesNotExist_whenItsLogIsAsked_thenItIsNotFoundAndTheIdsAreListed() {
        FerryCliRun logs = cluster.ferry("logs", SESSION, "--taskmanager", "nosuch");

        assertThat(logs.exitCode()).as(logs.stderr()).isEqualTo(3);
        assertThat(logs.stderr()).contains("nosuch").containsPattern("container_\\d+_\\d+_\\d+_\\d+");
    }

    @Test
    void givenATaskManagerOfTheSession_whenItsLogIsAsked_thenThatTaskManagersLogIsPrinted() {
        String taskManager = firstTaskManager();

        FerryCliRun logs = cluster.ferry("logs", SESSION, "--taskmanager", taskManager, "--grep", "TaskExecutor");

        assertThat(logs.exitCode()).as(logs.stderr()).isZero();
        assertThat(logs.stdout()).contains("TaskExecutor").doesNotContain("YarnSessionClusterEntrypoint");
    }

    @Test
    void givenTheJobManagersLogFollowed_whenAJobIsSubmitted_thenItsLinePrintsAndCtrlCEndsTheCommand() throws Exception {
        Process follow = cluster.ferryProcess("logs", SESSION, "--follow", "--grep", "follow-me");
        try {
            // given: following, before the line exists
            Thread.sleep(3000);

            // when: the JobManager writes it
            json(cluster.ferry(
                    "job",
                    "submit",
                    "--session",
                    SESSION,
                    "--name",
                    "follow-me",
                    "--detached",
                    cluster.home().resolve("examples/SymptomJob.jar").toString(),
                    "-o",
                    "json",
                    "--",
                    "--symptom",
                    "healthy"));

            // then it is printed while the command runs, and Ctrl-C ends the command
            awaitOutput("follow-me", Duration.ofSeconds(60));
            assertThat(follow.isAlive()).isTrue();
            new ProcessBuilder("kill", "-INT", String.valueOf(follow.pid()))
                    .start()
                    .waitFor();
            assertThat(follow.waitFor(15, TimeUnit.SECONDS))
                    .as("ferry logs --follow ends on Ctrl-C")
                    .isTrue();
        } finally {
            follow.destroyForcibly();
            cluster.ferry("job", "cancel", "follow-me");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "slow-sink        | Backpressure: 'slow-sink",
                "hot-key          | Data skew in 'count-per-key",
                "late-events      | Event time is 15 min behind wall clock",
                "stuck-checkpoint | Checkpoints expire before they complete",
                "poison           | The job ",
                "healthy          | Healthy"
            })
    void givenAJobWithASymptom_whenDiagnosed_thenTheTopFindingNamesIt(String symptom, String title) throws Exception {
        JsonNode top = awaitTopFinding(symptom, title);

        assertThat(top.get("title").asText()).startsWith(title);
        if (symptom.equals("poison")) {
            assertThat(top.get("evidence").asText()).contains("is poison");
        }
        if (symptom.equals("slow-sink")) {
            assertThat(top.get("vertex").asText()).startsWith("slow-sink");
        }
    }

    /** Diagnoses until the top finding has {@code title} (a symptom takes seconds to show in Flink's metrics). */
    private static JsonNode awaitTopFinding(String job, String title) throws Exception {
        long deadline = System.nanoTime() + DIAGNOSIS_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            FerryCliRun diagnose = cluster.ferry("diagnose", job, "-o", "json");
            last = diagnose.exitCode() == 0 ? diagnose.stdout() : diagnose.stderr();
            if (diagnose.exitCode() == 0) {
                JsonNode top = JSON.readTree(diagnose.stdout()).path("findings").path(0);
                if (top.path("title").asText().startsWith(title)) {
                    return top;
                }
            }
            Thread.sleep(3000);
        }
        throw new AssertionError("'" + job + "' was not diagnosed as '" + title + "' within "
                + DIAGNOSIS_TIMEOUT.toSeconds() + " s; the last diagnosis: " + last);
    }

    /** A TaskManager's container id, from the error that lists them. */
    private static String firstTaskManager() {
        String listed =
                cluster.ferry("logs", SESSION, "--taskmanager", "nosuch").stderr();
        Matcher id = Pattern.compile("container_\\d+_\\d+_\\d+_(\\d+)").matcher(listed);
        List<String> ids = new ArrayList<>();
        while (id.find()) {
            if (!id.group(1).equals("000001")) {
                ids.add(id.group());
            }
        }
        assertThat(ids).as(listed).isNotEmpty();
        return ids.get(0);
    }

    private static void awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!cluster.ferryProcessOutput().contains(text)) {
            assertThat(System.nanoTime())
                    .as("'%s' in the followed log: %s", text, cluster.ferryProcessOutput())
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }
}
