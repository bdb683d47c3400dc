package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;
import dev.ferry.launcher.testing.TinyJobJar;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting jar jobs into a session, against fakes of YARN, the JobManager and the file system. */
class JobStarterTest {

    @TempDir
    Path dir;

    private TestingServices services;
    private ApplicationReport session;
    private TestingFlinkCluster flink;
    private Path jar;

    @BeforeEach
    void givenARunningSession() {
        services = new TestingServices(dir);
        session = services.yarn.runSession("analytics");
        flink = services.jobManagers.cluster(session);
        jar = TinyJobJar.in(dir);
    }

    private JarJobSpec submit(String name, Optional<String> fromSavepoint) {
        return new JarJobSpec(
                Optional.of(name),
                jar,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                JobPlacement.inSession("analytics"),
                fromSavepoint,
                false);
    }

    @Test
    void givenASession_whenAJarJobIsSubmitted_thenItRunsThereAndIsRecordedUnderItsName() {
        StartedJob started = services.jobStarter().startJar(submit("orders", Optional.empty()));

        assertThat(started.state()).isEqualTo("RUNNING");
        assertThat(started.cluster()).isEqualTo("analytics");
        assertThat(flink.runningJobNames()).containsExactly("orders");
        JobRecord record = services.records.find("orders").orElseThrow();
        assertThat(record.currentJobId()).isEqualTo(started.jobId());
        assertThat(record.applicationId()).isEqualTo(session.getApplicationId().toString());
        assertThat(record.savepointDir()).isEqualTo(TestingFlinkCluster.SAVEPOINT_DIR);
        assertThat(services.files.exists(record.artifact())).isTrue();
        assertThat(flink.clientsClosed()).isTrue();
    }

    @Test
    void givenARunningJob_whenTheSameNameIsSubmittedAgain_thenItIsRefusedAndNothingIsSubmitted() {
        services.jobStarter().startJar(submit("orders", Optional.empty()));

        assertThatThrownBy(() -> services.jobStarter().startJar(submit("orders", Optional.empty())))
                .satisfies(failsWith(ExitCode.CONFLICT, "Job 'orders' is already RUNNING", "ferry job restart orders"));
        assertThat(flink.jobIds()).hasSize(1);
    }

    @Test
    void givenASavepointPathThatDoesNotExist_whenSubmittedFromIt_thenItIsRefusedBeforeAnythingIsSubmitted() {
        assertThatThrownBy(() -> services.jobStarter()
                        .startJar(submit("orders", Optional.of("hdfs:///ferry/savepoints/savepoint-nosuch"))))
                .satisfies(failsWith(
                        ExitCode.USAGE,
                        "No savepoint at hdfs:///ferry/savepoints/savepoint-nosuch",
                        "nothing was submitted"));
        assertThat(flink.jobIds()).isEmpty();
        assertThat(services.records.find("orders")).isEmpty();
    }

    @Test
    void givenASavepoint_whenSubmittedFromIt_thenTheJobRestoresIt() {
        services.files.put("/ferry/savepoints/savepoint-abc123-1/_metadata", "state");

        StartedJob started = services.jobStarter()
                .startJar(submit("orders", Optional.of("hdfs:///ferry/savepoints/savepoint-abc123-1")));

        assertThat(flink.restoredFrom(org.apache.flink.api.common.JobID.fromHexString(started.jobId())))
                .contains("hdfs://nn:8020/ferry/savepoints/savepoint-abc123-1");
    }

    @Test
    void givenNoSessionOfThatName_whenSubmitted_thenItIsNotFoundNamingTheRunningOnes() {
        JarJobSpec spec = new JarJobSpec(
                Optional.of("orders"),
                jar,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                JobPlacement.inSession("nosuch"),
                Optional.empty(),
                false);

        assertThatThrownBy(() -> services.jobStarter().startJar(spec))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "No running Ferry cluster is named 'nosuch'", "analytics"));
    }

    @Test
    void givenAMainClassThatIsNotInTheJar_whenSubmitted_thenItSaysClassNotFound() {
        JarJobSpec spec = new JarJobSpec(
                Optional.of("orders"),
                jar,
                Optional.of("No.Such"),
                List.of(),
                Optional.empty(),
                JobPlacement.inSession("analytics"),
                Optional.empty(),
                false);

        assertThatThrownBy(() -> services.jobStarter().startJar(spec))
                .satisfies(failsWith(ExitCode.USAGE, "class not found: No.Such"));
        assertThat(flink.jobIds()).isEmpty();
    }

    @Test
    void givenYarnGoesAway_whenSubmitted_thenItIsUnavailableAndNothingIsRecorded() {
        services.yarn.goDown("Connection refused");

        assertThatThrownBy(() -> services.jobStarter().startJar(submit("orders", Optional.empty())))
                .satisfies(failsWith(ExitCode.UNAVAILABLE, "Connection refused"));
        assertThat(services.records.find("orders")).isEmpty();
    }

    @Test
    void givenASilentSession_whenSubmitted_thenItTimesOutNamingTheSession() {
        flink.goSilent();

        assertThatThrownBy(() -> services.jobStarter().startJar(submit("orders", Optional.empty())))
                .satisfies(failsWith(ExitCode.TIMEOUT, "Session 'analytics' did not accept the job"));
    }

    @Test
    void givenTwoGatewaysSubmittingTheSameNameAtOnce_whenBothFinish_thenExactlyOneJobRunsAndTheOtherIsAConflict()
            throws Exception {
        TestingServices otherGateway = services;
        ExecutorService gateways = Executors.newFixedThreadPool(2);
        try {
            Callable<StartedJob> start = () -> otherGateway.jobStarter().startJar(submit("orders", Optional.empty()));
            List<Future<StartedJob>> results = gateways.invokeAll(List.of(start, start));

            long started = results.stream().filter(JobStarterTest::succeeded).count();
            assertThat(started).isEqualTo(1);
            Future<StartedJob> loser =
                    results.stream().filter(f -> !succeeded(f)).findFirst().orElseThrow();
            assertThatThrownBy(loser::get).cause().satisfies(failsWith(ExitCode.CONFLICT, "orders"));
            assertThat(flink.runningJobNames()).containsExactly("orders");
        } finally {
            gateways.shutdownNow();
        }
    }

    private static boolean succeeded(Future<StartedJob> result) {
        try {
            result.get();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
