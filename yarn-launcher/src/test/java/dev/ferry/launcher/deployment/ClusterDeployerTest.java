package dev.ferry.launcher.deployment;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.staging.DeployLibraries;
import dev.ferry.launcher.testing.TestingServices;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.QueueView;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deploying a session within one deadline, and never leaving a half-made application behind:
 * against a fake YARN whose "descriptor" registers the application as Flink's would.
 */
class ClusterDeployerTest {

    @TempDir
    Path dir;

    private TestingServices services;
    private QueueView queue;
    private final ClusterSpecification sizing = new ClusterSpecification.ClusterSpecificationBuilder()
            .setMasterMemoryMB(1024)
            .setTaskManagerMemoryMB(1024)
            .setSlotsPerTaskManager(1)
            .createClusterSpecification();

    @BeforeEach
    void givenYarnWithAQueue() {
        services = new TestingServices(dir);
        queue = new QueueInspector(services.yarn).requireUsableLeafQueue("default");
    }

    /** What Flink's descriptor does: YARN accepts an application carrying the deploy's tags. */
    private YarnSubmission accepted(String deployId) {
        return (config, call) ->
                services.yarn.runCluster("analytics", "session", deployId).getApplicationId();
    }

    private ClusterDeployer deployer(YarnSubmission submission, Duration timeout) {
        return new ClusterDeployer(submission, services.yarn, services.observer(), services.jobManagers, timeout);
    }

    private DeployedCluster deploy(YarnSubmission submission, Duration timeout, int minTaskManagers, boolean warmUp) {
        DeployRequest request = new DeployRequest(
                new ClusterName("analytics"),
                queue,
                new Configuration(),
                sizing,
                "d1",
                DeployLibraries.shipped("shipped from lib/"));
        return deployer(submission, timeout).deploySession(request, minTaskManagers, warmUp);
    }

    private long liveApplications() {
        return services.yarn.all().stream()
                .filter(r -> r.getYarnApplicationState() == YarnApplicationState.RUNNING)
                .count();
    }

    @Test
    void givenYarnAcceptsTheCluster_whenItsTaskManagersRegister_thenTheDeployReturnsTheRunningSession() {
        DeployedCluster cluster = deploy(accepted("d1"), Duration.ofSeconds(5), 1, false);

        assertThat(cluster.name()).isEqualTo("analytics");
        assertThat(cluster.taskManagers()).isEqualTo(1);
        assertThat(cluster.webUrl()).isEqualTo("http://jm-1:8081");
    }

    @Test
    void givenYarnRefusesTheCluster_whenDeployed_thenItFailsWithYarnsReasonAndNothingIsLeft() {
        YarnSubmission refused = (config, call) -> {
            throw new IllegalStateException("The YARN application unexpectedly switched to state FAILED."
                    + "\nDiagnostics from YARN: Queue default is STOPPED");
        };

        assertThatThrownBy(() -> deploy(refused, Duration.ofSeconds(5), 0, false))
                .satisfies(failsWith(ExitCode.FAILURE, "YARN did not start the cluster", "Queue default is STOPPED"));
        assertThat(liveApplications()).isZero();
    }

    @Test
    void givenTheRestApiNeverAnswers_whenTheDeadlinePasses_thenTheApplicationIsKilled() {
        YarnSubmission silentJobManager = (config, call) -> {
            ApplicationReport app = services.yarn.runCluster("analytics", "session", "d1");
            services.jobManagers.cluster(app).goSilent();
            return app.getApplicationId();
        };

        assertThatThrownBy(() -> deploy(silentJobManager, Duration.ofSeconds(1), 1, false))
                .satisfies(failsWith(
                        ExitCode.TIMEOUT, "was not ready within 1s", "its REST API did not answer", "was killed"));
        assertThat(liveApplications()).isZero();
    }

    @Test
    void givenNoTaskManagerRegisters_whenTheDeadlinePasses_thenTheErrorSaysHowManyDidAndTheApplicationIsKilled() {
        YarnSubmission noTaskManagers = (config, call) -> {
            ApplicationReport app = services.yarn.runCluster("analytics", "session", "d1");
            services.jobManagers.cluster(app).withTaskManagers(0);
            return app.getApplicationId();
        };

        assertThatThrownBy(() -> deploy(noTaskManagers, Duration.ofSeconds(1), 2, false))
                .satisfies(failsWith(ExitCode.TIMEOUT, "0 of 2 TaskManagers registered"));
        assertThat(liveApplications()).isZero();
    }

    @Test
    void givenASessionWhoseJobsFail_whenItsWarmUpRuns_thenTheStartFailsNamingFlinksReasonAndTheSessionIsKilled() {
        YarnSubmission broken = (config, call) -> {
            ApplicationReport app = services.yarn.runCluster("analytics", "session", "d1");
            services.jobManagers.cluster(app).failJobs("Cannot find configured state backend factory class: bogus");
            return app.getApplicationId();
        };

        assertThatThrownBy(() -> deploy(broken, Duration.ofSeconds(30), 1, true))
                .satisfies(failsWith(
                        ExitCode.USAGE,
                        "cannot run jobs",
                        "Cannot find configured state backend factory class: bogus",
                        "was killed"));
        assertThat(liveApplications()).isZero();
    }

    @Test
    void
            givenADeployThatHangs_whenTheDeadlinePasses_thenItTimesOutNamingTheQueuesFreeMemoryAndTheApplicationIsKilled() {
        CountDownLatch never = new CountDownLatch(1);
        YarnSubmission hanging = (config, call) -> {
            services.yarn.runCluster("analytics", "session", "d1");
            never.await();
            return null;
        };

        assertThatThrownBy(() -> deploy(hanging, Duration.ofSeconds(1), 0, false))
                .satisfies(failsWith(ExitCode.TIMEOUT, "YARN did not start the cluster within 1s", "queue 'default'"));
        assertThat(liveApplications()).isZero();
    }

    @Test
    void givenARunningClusterOfTheSameName_whenDeployed_thenItIsAConflictAndNothingIsSubmitted() {
        services.yarn.runSession("analytics");

        assertThatThrownBy(() -> deploy(accepted("d1"), Duration.ofSeconds(5), 0, false))
                .satisfies(failsWith(ExitCode.CONFLICT, "Cluster name 'analytics' is taken"));
        assertThat(services.yarn.ids()).extracting(ApplicationId::getId).containsExactly(1);
    }
}
