package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;
import dev.ferry.launcher.testing.TinyJobJar;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bringing recorded jobs back from the right state, whoever took their last savepoint: Ferry,
 * Flink's CLI, its REST API or its web UI (issue: a resume restored the checkpoint of the run
 * before a savepoint Flink's CLI had taken). Against fakes of YARN, the JobManager and HDFS.
 */
class JobResumerTest {

    @TempDir
    Path dir;

    private TestingServices services;
    private ApplicationReport session;
    private TestingFlinkCluster flink;
    private JobID firstRun;

    @BeforeEach
    void givenAJobThatRanAndCheckpointedInASession() {
        services = new TestingServices(dir);
        session = services.yarn.runSession("analytics");
        flink = services.jobManagers.cluster(session);
        firstRun = services.submitTinyJob("orders", "analytics");
        flink.checkpoint(firstRun);
    }

    private JobID resumeFromLatest() {
        return JobID.fromHexString(
                services.resumer().resume("orders", Optional.empty(), false).jobId());
    }

    @Test
    void givenAStopWithSavepointByFerry_whenResumedFromLatest_thenTheNewRunRestoresThatSavepoint() {
        String savepoint = services.controller().stop("orders", false).savepoint();

        JobID secondRun = resumeFromLatest();

        assertThat(flink.restoredFrom(secondRun)).contains(savepoint);
        assertThat(services.records.find("orders").orElseThrow().jobIds())
                .containsExactly(firstRun.toString(), secondRun.toString());
    }

    @Test
    void
            givenAStopWithSavepointThroughFlinksCli_whenResumedFromLatest_thenTheNewRunRestoresThatSavepointNotAnOlderCheckpoint() {
        // An earlier run was cancelled and retained its checkpoint: the state resume restored wrongly before.
        services.controller().cancel("orders");
        JobID secondRun = resumeFromLatest();
        flink.checkpoint(secondRun);
        String savepoint = flink.stopWithSavepointByAnotherClient(secondRun);

        JobID thirdRun = resumeFromLatest();

        assertThat(flink.restoredFrom(thirdRun)).contains(savepoint);
    }

    @Test
    void givenASavepointThroughTheRestApiThenACancel_whenResumedFromLatest_thenTheSavepointIsRestored() {
        String savepoint = flink.savepointByAnotherClient(firstRun);
        flink.cancelByAnotherClient(firstRun);

        assertThat(flink.restoredFrom(resumeFromLatest())).contains(savepoint);
    }

    @Test
    void givenASavepointThroughTheWebUiAndALaterCheckpoint_whenResumedFromLatest_thenTheNewerCheckpointIsRestored() {
        flink.savepointByAnotherClient(firstRun);
        String laterCheckpoint = flink.checkpoint(firstRun);
        flink.cancelByAnotherClient(firstRun);

        assertThat(flink.restoredFrom(resumeFromLatest())).contains(laterCheckpoint);
    }

    @Test
    void
            givenAStopWithSavepointByAnotherClientAndTheSessionGone_whenResumedFromLatest_thenTheArchiveNamesTheSavepoint() {
        String savepoint = flink.stopWithSavepointByAnotherClient(firstRun);
        services.sessionKiller().kill("analytics");
        ApplicationReport newSession = services.yarn.runSession("analytics");

        JobID secondRun = resumeFromLatest();

        assertThat(services.jobManagers.cluster(newSession).restoredFrom(secondRun))
                .contains(savepoint);
    }

    @Test
    void givenASavepointThroughTheRestApiThenAYarnKill_whenResumedFromLatest_thenTheSavepointDirectoryHasIt() {
        // No JobManager is left to ask and none archived the job: only the file system knows.
        String savepoint = flink.savepointByAnotherClient(firstRun);
        services.yarn.kill(session.getApplicationId());
        ApplicationReport newSession = services.yarn.runSession("analytics");

        JobID secondRun = resumeFromLatest();

        assertThat(services.jobManagers.cluster(newSession).restoredFrom(secondRun))
                .contains(savepoint);
    }

    @Test
    void givenAYarnKillAfterACheckpoint_whenResumedFromLatest_thenTheRetainedCheckpointIsRestored() {
        String checkpoint = flink.checkpoint(firstRun);
        services.yarn.kill(session.getApplicationId());
        ApplicationReport newSession = services.yarn.runSession("analytics");

        JobID secondRun = resumeFromLatest();

        assertThat(services.jobManagers.cluster(newSession).restoredFrom(secondRun))
                .contains(checkpoint);
    }

    @Test
    void givenTheNewestSavepointWasDeleted_whenResumedFromLatest_thenTheNewestOneThatExistsIsRestored() {
        String kept = flink.savepointByAnotherClient(firstRun);
        String deleted = flink.stopWithSavepointByAnotherClient(firstRun);
        services.files.delete(deleted + "/_metadata");

        assertThat(flink.restoredFrom(resumeFromLatest())).contains(kept);
    }

    @Test
    void givenNothingToRestoreFrom_whenResumedFromLatest_thenItIsNotFoundAndNothingIsStarted() {
        flink.stopWithSavepointByAnotherClient(firstRun);
        services.files.delete(flink.checkpoint(flink.runJob("other")) + "/_metadata");
        services.files.delete("/ferry/completed-jobs/" + firstRun);
        services.files.list("/ferry/savepoints").forEach(sp -> services.files.delete(sp.path() + "/_metadata"));

        assertThatThrownBy(this::resumeFromLatest)
                .satisfies(failsWith(ExitCode.NOT_FOUND, "Job 'orders' has no savepoint and no completed checkpoint"));
        assertThat(flink.runningJobNames()).containsExactly("other");
    }

    @Test
    void givenARunningJob_whenResumed_thenItIsAConflictPointingAtRestart() {
        assertThatThrownBy(this::resumeFromLatest)
                .satisfies(failsWith(ExitCode.CONFLICT, "Job 'orders' is RUNNING", "ferry job restart"));
    }

    @Test
    void givenASavepointPathThatDoesNotExist_whenResumedFromIt_thenItIsRefusedBeforeAnythingIsStarted() {
        services.controller().cancel("orders");

        assertThatThrownBy(() -> services.resumer().resume("orders", Optional.of("hdfs:///nosuch"), false))
                .satisfies(failsWith(ExitCode.USAGE, "No savepoint at hdfs:///nosuch"));
        assertThat(flink.runningJobNames()).isEmpty();
    }

    @Test
    void givenARunningJob_whenRestartedWithANewJar_thenTheNewJarRunsFromTheStopsSavepoint() throws Exception {
        Path newJar = Files.copy(TinyJobJar.in(dir), dir.resolve("tiny-job-2.jar"));
        Files.write(newJar, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        String oldArtifact = services.records.find("orders").orElseThrow().artifact();

        StartedJob restarted =
                services.resumer().restart("orders", Optional.of(newJar), Optional.empty(), Optional.empty(), false);

        JobRecord record = services.records.find("orders").orElseThrow();
        assertThat(flink.status(firstRun)).isEqualTo(JobStatus.FINISHED);
        assertThat(record.artifact()).isNotEqualTo(oldArtifact).endsWith("tiny-job-2.jar");
        assertThat(flink.restoredFrom(JobID.fromHexString(restarted.jobId()))).contains(record.lastSavepoint());
    }

    @Test
    void givenARunningJob_whenRestartedAtANewParallelism_thenItRunsAtItFromTheStopsSavepointAndKeepsItOnResume()
            throws Exception {
        StartedJob restarted =
                services.resumer().restart("orders", Optional.empty(), Optional.empty(), Optional.of(3), false);

        JobID rescaled = JobID.fromHexString(restarted.jobId());
        assertThat(flink.parallelism(rescaled)).isEqualTo(3);
        assertThat(flink.restoredFrom(rescaled))
                .contains(services.records.find("orders").orElseThrow().lastSavepoint());
        assertThat(services.records.find("orders").orElseThrow().parallelism()).isEqualTo(3);

        // and a later stop and resume keeps it
        services.controller().stop("orders", false);
        StartedJob resumed = services.resumer().resume("orders", Optional.empty(), false);
        assertThat(flink.parallelism(JobID.fromHexString(resumed.jobId()))).isEqualTo(3);
    }

    @Test
    void givenSavepointsFail_whenRestarted_thenTheRunningJobIsLeftAsItWas() {
        flink.failSavepoints("Checkpoint Coordinator is suspending.");

        assertThatThrownBy(() -> services.resumer()
                        .restart("orders", Optional.empty(), Optional.empty(), Optional.empty(), false))
                .satisfies(failsWith(ExitCode.FAILURE, "Checkpoint Coordinator is suspending."));
        assertThat(flink.status(firstRun)).isEqualTo(JobStatus.RUNNING);
        assertThat(flink.jobIds()).containsExactly(firstRun);
    }

    @Test
    void givenASavepointThroughFlinksCli_whenTheJobsStatusIsAsked_thenItShowsThatSavepoint() {
        String savepoint = flink.savepointByAnotherClient(firstRun);

        JobView status = services.lister().status("orders");

        assertThat(status.lastSavepoint()).isEqualTo(savepoint);
        assertThat(status.latestRestorePoint()).isEqualTo(savepoint);
    }
}
