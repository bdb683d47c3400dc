package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;
import dev.ferry.launcher.testing.TinyJobJar;

import org.apache.flink.api.common.JobID;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job in a cluster of its own (application mode): started, stopped with a savepoint, killed and
 * resumed, against fakes of YARN (which runs the deployed application and ends it with its job),
 * the JobManager and the file system.
 */
class JobClusterLifecycleTest {

    @TempDir
    Path dir;

    private TestingServices services;

    @BeforeEach
    void givenYarnThatRunsApplicationClusters() {
        services = new TestingServices(dir).deploysApplications();
    }

    private StartedJob runBilling() {
        JobPlacement ownCluster =
                new JobPlacement("application", null, "default", null, null, null, Map.of("parallelism.default", "2"));
        return services.jobStarter()
                .startJar(new JarJobSpec(
                        Optional.of("billing"),
                        TinyJobJar.in(dir),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        ownCluster,
                        Optional.empty(),
                        false));
    }

    private ApplicationReport application(String id) {
        return services.yarn.application(ApplicationId.fromString(id)).orElseThrow();
    }

    private TestingFlinkCluster flinkOf(StartedJob started) {
        return services.jobManagers.cluster(ApplicationId.fromString(started.applicationId()));
    }

    @Test
    void givenAJarJob_whenRunAsAnApplicationCluster_thenItRunsInACLusterNamedAfterItAndIsRecordedThere() {
        StartedJob started = runBilling();

        assertThat(started.state()).isEqualTo("RUNNING");
        assertThat(started.mode()).isEqualTo("application");
        assertThat(started.cluster()).isEqualTo("billing");
        JobRecord record = services.records.find("billing").orElseThrow();
        assertThat(record.applicationId()).isEqualTo(started.applicationId());
        assertThat(record.placement().flinkSettings()).containsEntry("parallelism.default", "2");
    }

    @Test
    void givenAnApplicationCluster_whenItsJobIsStopped_thenTheClusterEndsAndTheNextRunRestoresTheSavepoint() {
        StartedJob first = runBilling();

        String savepoint = services.controller().stop("billing", false).savepoint();
        StartedJob second = services.resumer().resume("billing", Optional.empty(), false);

        assertThat(application(first.applicationId()).getYarnApplicationState())
                .isEqualTo(YarnApplicationState.FINISHED);
        assertThat(second.applicationId()).isNotEqualTo(first.applicationId());
        assertThat(flinkOf(second).restoredFrom(JobID.fromHexString(second.jobId())))
                .contains(savepoint);
    }

    @Test
    void givenAnApplicationClusterKilledThroughYarn_whenResumedFromLatest_thenItsLastCheckpointIsRestored() {
        StartedJob first = runBilling();
        String checkpoint = flinkOf(first).checkpoint(JobID.fromHexString(first.jobId()));
        services.yarn.kill(ApplicationId.fromString(first.applicationId()));

        StartedJob second = services.resumer().resume("billing", Optional.empty(), false);

        assertThat(flinkOf(second).restoredFrom(JobID.fromHexString(second.jobId())))
                .contains(checkpoint);
    }

    @Test
    void givenYarnRefusesTheCluster_whenTheJobIsRun_thenItFailsWithYarnsReasonAndNothingIsRecorded() {
        services.deploys((config, call) -> {
            throw new IllegalStateException("Diagnostics from YARN: user ferry has no quota left");
        });

        assertThatThrownBy(this::runBilling)
                .satisfies(failsWith(ExitCode.FAILURE, "YARN did not start the cluster", "no quota left"));
        assertThat(services.records.find("billing")).isEmpty();
    }

    @Test
    void givenARunningApplicationCluster_whenTheSameJobIsRunAgain_thenItIsAConflict() {
        runBilling();

        assertThatThrownBy(this::runBilling)
                .satisfies(failsWith(ExitCode.CONFLICT, "Job 'billing' is already RUNNING"));
    }
}
