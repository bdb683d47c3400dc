package dev.ferry.launcher.cluster;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ferry session status NAME}: one cluster, its jobs newest first, nothing guessed. */
class ClusterStatusReaderTest {

    @TempDir
    Path dir;

    private TestingServices services;
    private ApplicationReport session;
    private TestingFlinkCluster flink;

    @BeforeEach
    void givenARunningSession() {
        services = new TestingServices(dir);
        session = services.yarn.runSession("analytics");
        flink = services.jobManagers.cluster(session);
    }

    private ClusterStatusReader reader() {
        return new ClusterStatusReader(services.observer(), ClusterCoordination.YARN_ONLY);
    }

    @Test
    void givenTwoJobs_whenTheStatusIsRead_thenBothAreListedNewestFirst() {
        flink.runJob("orders");
        services.clock.advance(1000);
        flink.runJob("clicks");

        ClusterStatus status = reader().status("analytics");

        assertThat(status.cluster().applicationId())
                .isEqualTo(session.getApplicationId().toString());
        assertThat(status.jobs()).extracting(JobDetails::getJobName).containsExactly("clicks", "orders");
        assertThat(status.leader()).as("no ZooKeeper HA, no leader").isEmpty();
    }

    @Test
    void givenTheSessionEnded_whenTheStatusIsRead_thenItShowsTheEndWithoutAskingForJobs() {
        flink.runJob("orders");
        services.yarn.end(session.getApplicationId(), YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED);

        ClusterStatus status = reader().status("analytics");

        assertThat(status.cluster().isLive()).isFalse();
        assertThat(status.jobs()).isEmpty();
    }

    @Test
    void givenNoClusterOfThatName_whenTheStatusIsRead_thenItIsNotFoundAndPointsAtTheList() {
        assertThatThrownBy(() -> reader().status("nosuch"))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "'nosuch'", "ferry session list --all"));
    }
}
