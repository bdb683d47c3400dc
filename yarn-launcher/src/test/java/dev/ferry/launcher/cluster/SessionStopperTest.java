package dev.ferry.launcher.cluster;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stopping a session: jobs stopped with savepoints (or cancelled), then the cluster ends. */
class SessionStopperTest {

    @TempDir
    Path dir;

    private TestingServices services;
    private ApplicationReport session;
    private TestingFlinkCluster flink;
    private JobID first;
    private JobID second;

    @BeforeEach
    void givenASessionWithTwoRunningJobs() {
        services = new TestingServices(dir);
        session = services.yarn.runSession("analytics");
        flink = services.jobManagers.cluster(session);
        first = flink.runJob("orders");
        second = flink.runJob("clicks");
    }

    private YarnApplicationState yarnState() {
        return services.yarn
                .application(session.getApplicationId())
                .orElseThrow()
                .getYarnApplicationState();
    }

    @Test
    void givenRunningJobs_whenTheSessionIsStopped_thenEachStopsWithASavepointAndTheClusterFinishes() {
        StoppedCluster stopped = services.sessionStopper().stop("analytics", false, null);

        assertThat(stopped.finalState()).isEqualTo("FINISHED");
        assertThat(stopped.jobs())
                .hasSize(2)
                .allSatisfy(job -> assertThat(job.savepointPath()).isNotNull());
        assertThat(flink.status(first)).isEqualTo(JobStatus.FINISHED);
        assertThat(flink.status(second)).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void givenCancelJobs_whenTheSessionIsStopped_thenTheJobsAreCancelledWithoutSavepoints() {
        StoppedCluster stopped = services.sessionStopper().stop("analytics", true, null);

        assertThat(stopped.jobs()).allSatisfy(job -> assertThat(job.cancelled()).isTrue());
        assertThat(flink.status(first)).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void givenSavepointsFail_whenTheSessionIsStopped_thenItFailsAndTheSessionKeepsRunning() {
        flink.failSavepoints("Permission denied: /ferry/savepoints");

        assertThatThrownBy(() -> services.sessionStopper().stop("analytics", false, null))
                .satisfies(failsWith(
                        ExitCode.FAILURE,
                        "could not be stopped with a savepoint",
                        "Permission denied",
                        "--cancel-jobs"));
        assertThat(yarnState()).isEqualTo(YarnApplicationState.RUNNING);
    }

    @Test
    void givenASilentJobManager_whenTheSessionIsStopped_thenItIsUnavailableAndPointsAtKill() {
        flink.goSilent();

        assertThatThrownBy(() -> services.sessionStopper().stop("analytics", false, null))
                .satisfies(failsWith(ExitCode.UNAVAILABLE, "does not answer", "ferry session kill"));
        assertThat(yarnState()).isEqualTo(YarnApplicationState.RUNNING);
    }

    @Test
    void givenASession_whenKilled_thenYarnEndsItAtOnce() {
        StoppedCluster killed = services.sessionKiller().kill("analytics");

        assertThat(killed.finalState()).isEqualTo("KILLED");
        assertThat(flink.status(first)).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void givenNoSuchSession_whenStopped_thenItIsNotFoundNamingTheRunningOnes() {
        assertThatThrownBy(() -> services.sessionStopper().stop("nosuch", false, null))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "'nosuch'", "analytics"));
    }
}
