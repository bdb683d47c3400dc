package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.JobController.JobAction;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stop, savepoint and cancel of running jobs through their JobManager, against fakes. */
class JobControllerTest {

    @TempDir
    Path dir;

    private TestingServices services;
    private TestingFlinkCluster flink;
    private JobID job;

    @BeforeEach
    void givenAJobRunningInASession() {
        services = new TestingServices(dir);
        flink = services.jobManagers.cluster(services.yarn.runSession("analytics"));
        job = services.submitTinyJob("orders", "analytics");
    }

    @Test
    void givenARunningJob_whenStopped_thenItFinishesWithASavepointThatItsRecordKeeps() {
        JobAction stopped = services.controller().stop("orders", false);

        assertThat(flink.status(job)).isEqualTo(JobStatus.FINISHED);
        assertThat(stopped.savepoint())
                .startsWith("hdfs://nn:8020/ferry/savepoints/savepoint-"
                        + job.toString().substring(0, 6));
        assertThat(services.records.find("orders").orElseThrow().lastSavepoint())
                .isEqualTo(stopped.savepoint());
        assertThat(services.files.exists(stopped.savepoint() + "/_metadata")).isTrue();
    }

    @Test
    void givenSavepointsFail_whenStopped_thenItFailsNamingFlinksReasonAndTheJobRunsOn() {
        flink.failSavepoints("Failed to create savepoint directory hdfs:///ferry/savepoints: Permission denied");

        assertThatThrownBy(() -> services.controller().stop("orders", false))
                .satisfies(failsWith(ExitCode.FAILURE, "Could not stop job " + job, "Permission denied"));
        assertThat(flink.status(job)).isEqualTo(JobStatus.RUNNING);
        assertThat(services.records.find("orders").orElseThrow().lastSavepoint())
                .isNull();
    }

    @Test
    void givenAJobManagerThatStopsAnswering_whenStopped_thenTheJobIsNotTakenForEndedButUnknown() {
        flink.goSilent();

        assertThatThrownBy(() -> services.controller().stop("orders", false))
                .satisfies(failsWith(
                        ExitCode.UNAVAILABLE,
                        "The JobManager of cluster 'analytics'",
                        "does not answer at http://jm-1:8081",
                        "whether job 'orders' runs there is unknown"));
    }

    @Test
    void givenARunningJob_whenASavepointIsTaken_thenItKeepsRunningAndTheRecordNamesTheSavepoint() {
        JobAction savepoint = services.controller().savepoint("orders");

        assertThat(flink.status(job)).isEqualTo(JobStatus.RUNNING);
        assertThat(services.records.find("orders").orElseThrow().lastSavepoint())
                .isEqualTo(savepoint.savepoint());
    }

    @Test
    void givenARunningJob_whenCancelled_thenItIsCanceled() {
        services.controller().cancel("orders");

        assertThat(flink.status(job)).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void givenAJobThatAnotherClientStopped_whenStoppedAgain_thenItIsAConflictPointingAtResume() {
        flink.stopWithSavepointByAnotherClient(job);

        assertThatThrownBy(() -> services.controller().stop("orders", false))
                .satisfies(failsWith(
                        ExitCode.CONFLICT,
                        "Cannot stop job 'orders': it is already FINISHED",
                        "ferry job resume orders"));
    }

    @Test
    void givenAJobStartedByAnotherClient_whenCancelledByItsFlinkName_thenItIsCanceled() {
        JobID foreign = flink.runJob("nightly-report");

        services.controller().cancel("nightly-report");

        assertThat(flink.status(foreign)).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void givenAnUnknownJob_whenStopped_thenItIsNotFound() {
        assertThatThrownBy(() -> services.controller().stop("nosuch", false))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "No job is named or numbered 'nosuch'"));
    }
}
