package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;

import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ferry job list} and {@code job status} over many clusters, some of which do not answer. */
class JobListerTest {

    @TempDir
    Path dir;

    private TestingServices services;
    private TestingFlinkCluster analytics;

    @BeforeEach
    void givenASessionWithARecordedJob() {
        services = new TestingServices(dir);
        analytics = services.jobManagers.cluster(services.yarn.runSession("analytics"));
        services.submitTinyJob("orders", "analytics");
    }

    @Test
    void givenTenClustersOfWhichThreeAreSilent_whenJobsAreListed_thenEveryAnsweringOnesJobsAndTheSilentOnesAreShown() {
        IntStream.range(0, 9).forEach(i -> {
            TestingFlinkCluster cluster = services.jobManagers.cluster(services.yarn.runSession("s" + i));
            cluster.runJob("job-" + i);
            if (i < 3) {
                cluster.goSilent();
            }
        });

        List<JobView> jobs = services.lister().list(Optional.empty(), false);

        assertThat(jobs)
                .filteredOn(j -> j.state().equals("RUNNING"))
                .extracting(JobView::name)
                .containsExactlyInAnyOrder("orders", "job-3", "job-4", "job-5", "job-6", "job-7", "job-8");
        assertThat(jobs)
                .filteredOn(j -> j.state().equals(JobLister.NOT_ANSWERING))
                .extracting(JobView::cluster)
                .containsExactlyInAnyOrder("s0", "s1", "s2");
    }

    @Test
    void givenNoClusterOfThatName_whenItsJobsAreListed_thenItIsNotFoundAsInSessionStatus() {
        assertThatThrownBy(() -> services.lister().list(Optional.of("nosuch"), false))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "No running Ferry cluster is named 'nosuch'"));
    }

    @Test
    void givenARecordedJobThatStopped_whenAllJobsOfItsSessionAreListed_thenItIsThere() {
        services.controller().stop("orders", false);

        assertThat(services.lister().list(Optional.of("analytics"), true))
                .extracting(JobView::name)
                .contains("orders");
    }

    @Test
    void givenAJobOfAnotherClientThatEnded_whenItsStatusIsAskedByItsFlinkName_thenItIsShownAsEnded() {
        JobID foreign = analytics.runJob("nightly-report");
        analytics.cancelByAnotherClient(foreign);

        JobView status = services.lister().status("nightly-report");

        assertThat(status.state()).isEqualTo("CANCELED");
        assertThat(status.jobId()).isEqualTo(foreign.toString());
    }

    @Test
    void givenAJobOfAnotherClientWithASavepoint_whenItsStatusIsAsked_thenItsJobManagerNamesTheSavepoint() {
        JobID foreign = analytics.runJob("nightly-report");
        String savepoint = analytics.savepointByAnotherClient(foreign);

        assertThat(services.lister().status("nightly-report").lastSavepoint()).isEqualTo(savepoint);
    }
}
