package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.JobScaler.Method;
import dev.ferry.launcher.jobs.JobScaler.ScaleRequest;
import dev.ferry.launcher.jobs.JobScaler.ScaleResult;
import dev.ferry.launcher.jobs.JobView.VertexView;
import dev.ferry.launcher.jobs.record.ScaledVertex;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
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
 * Rescaling running jobs with {@code ferry job scale}: in place on the adaptive scheduler, by a
 * savepoint round trip otherwise, kept in the job's record for its later runs, shown per vertex in
 * {@code ferry job status}. Against fakes of YARN, the JobManager and HDFS.
 */
class JobScalerTest {

    private static final String SOURCE = "Source: numbers";
    private static final String SINK = "discard: Writer";

    @TempDir
    Path dir;

    private TestingServices services;
    private TestingFlinkCluster flink;
    private JobID firstRun;

    @BeforeEach
    void givenAJobOfTwoVerticesRunningInASession() {
        services = new TestingServices(dir);
        ApplicationReport session = services.yarn.runSession("analytics");
        flink = services.jobManagers.cluster(session);
        firstRun = services.submitTinyJob("orders", "analytics");
        flink.checkpoint(firstRun);
    }

    private ScaleResult scale(Optional<Integer> all, Map<String, Integer> vertices) {
        return services.scaler().scale("orders", new ScaleRequest(all, vertices), false);
    }

    @Test
    void givenTheAdaptiveScheduler_whenScaled_thenTheSameRunRescalesInPlaceAndTheRecordKeepsIt() {
        flink.withAdaptiveScheduler();

        ScaleResult result = scale(Optional.of(4), Map.of());

        assertThat(result.method()).isEqualTo(Method.IN_PLACE);
        assertThat(result.jobId()).isEqualTo(firstRun.toString());
        assertThat(flink.vertexParallelism(firstRun)).containsEntry(SOURCE, 4).containsEntry(SINK, 4);
        assertThat(services.records.find("orders").orElseThrow().vertices().values())
                .extracting(ScaledVertex::parallelism, ScaledVertex::origin)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(4, ScaledVertex.MANUAL));
    }

    @Test
    void givenTheDefaultScheduler_whenScaled_thenANewRunRestoresTheStopSavepointAtTheNewParallelism() {
        ScaleResult result = scale(Optional.empty(), Map.of(SINK, 3));

        JobID secondRun = JobID.fromHexString(result.jobId());
        assertThat(result.method()).isEqualTo(Method.SAVEPOINT);
        assertThat(flink.status(firstRun)).isEqualTo(JobStatus.FINISHED);
        assertThat(flink.restoredFrom(secondRun)).contains(result.savepoint());
        assertThat(flink.vertexParallelism(secondRun)).containsEntry(SOURCE, 1).containsEntry(SINK, 3);
    }

    @Test
    void givenAScaledJob_whenStoppedAndResumed_thenTheNewRunKeepsTheScaledParallelism() {
        flink.withAdaptiveScheduler();
        scale(Optional.empty(), Map.of(SOURCE, 5));
        services.controller().stop("orders", false);

        JobID resumed = JobID.fromHexString(
                services.resumer().resume("orders", Optional.empty(), false).jobId());

        assertThat(flink.vertexParallelism(resumed)).containsEntry(SOURCE, 5).containsEntry(SINK, 1);
    }

    @Test
    void givenARestartWithANewDefaultParallelism_whenRestarted_thenScaledVerticesFollowTheNewDefault() {
        flink.withAdaptiveScheduler();
        scale(Optional.empty(), Map.of(SOURCE, 5));

        StartedJob restarted =
                services.resumer().restart("orders", Optional.empty(), Optional.empty(), Optional.of(2), false);

        assertThat(flink.vertexParallelism(JobID.fromHexString(restarted.jobId())))
                .containsEntry(SOURCE, 2)
                .containsEntry(SINK, 2);
    }

    @Test
    void givenOneVertexScaled_whenStatusIsAsked_thenEachVertexShowsItsParallelismAndWhereItCameFrom() {
        flink.withAdaptiveScheduler();
        scale(Optional.empty(), Map.of(SOURCE, 3));

        List<VertexView> vertices = services.lister().status("orders").vertices();

        assertThat(vertices)
                .extracting(VertexView::name, VertexView::parallelism, VertexView::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SOURCE, 3, ScaledVertex.MANUAL),
                        org.assertj.core.groups.Tuple.tuple(SINK, 1, ScaledVertex.SUBMITTED));
    }

    @Test
    void givenARescaleThroughFlinksRestApi_whenStatusIsAsked_thenItShowsWhatRunsAndWhatFerryAskedFor() {
        flink.withAdaptiveScheduler();
        scale(Optional.empty(), Map.of(SOURCE, 3));
        flink.rescaleByAnotherClient(firstRun, SOURCE, 6);

        VertexView source = services.lister().status("orders").vertices().get(0);

        assertThat(source.parallelism()).isEqualTo(6);
        assertThat(source.asked()).isEqualTo(3);
    }

    @Test
    void givenAVertexThatCannotRunInParallel_whenTheWholeJobIsScaled_thenThatVertexStaysAtOne() {
        flink.withAdaptiveScheduler();
        JobID other = flink.runJob("from-flink-cli");

        services.scaler().scale(other.toString(), new ScaleRequest(Optional.of(4), Map.of()), false);

        assertThat(flink.vertexParallelism(other))
                .containsEntry("Source: numbers", 4)
                .containsEntry("Sink: counts", 1);
    }

    @Test
    void givenAnOperatorChainedInAVertex_whenScaledByTheOperatorsName_thenItsVertexIsScaled() {
        flink.withAdaptiveScheduler();

        scale(Optional.empty(), Map.of("numbers", 3));

        assertThat(flink.vertexParallelism(firstRun)).containsEntry(SOURCE, 3).containsEntry(SINK, 1);
    }

    @Test
    void givenEveryVertexAtTheAskedParallelism_whenScaled_thenNothingIsChanged() {
        ScaleResult result = scale(Optional.empty(), Map.of(SOURCE, 1));

        assertThat(result.method()).isEqualTo(Method.UNCHANGED);
        assertThat(flink.status(firstRun)).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void givenAnUnknownVertex_whenScaled_thenUsageErrorNamingTheVerticesAndNothingChanges() {
        assertThatThrownBy(() -> scale(Optional.empty(), Map.of("Sorce", 2)))
                .satisfies(failsWith(ExitCode.USAGE, "has no vertex 'Sorce'", SOURCE, "nothing was changed"));
        assertThat(flink.status(firstRun)).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void givenAParallelismAboveTheMaxParallelism_whenScaled_thenUsageErrorAndNothingChanges() {
        assertThatThrownBy(() -> scale(Optional.of(129), Map.of()))
                .satisfies(failsWith(ExitCode.USAGE, "at most at parallelism 128", "nothing was changed"));
        assertThat(flink.status(firstRun)).isEqualTo(JobStatus.RUNNING);
        assertThat(services.records.find("orders").orElseThrow().vertices()).isEmpty();
    }

    @Test
    void givenAJobThatEnded_whenScaled_thenConflictNamingResume() {
        services.controller().stop("orders", false);

        assertThatThrownBy(() -> scale(Optional.of(2), Map.of()))
                .satisfies(failsWith(ExitCode.CONFLICT, "Cannot scale job 'orders'", "ferry job resume"));
    }

    @Test
    void givenAJobOfAnotherClientOnTheDefaultScheduler_whenScaled_thenConflictAndItKeepsRunning() {
        JobID other = flink.runJob("from-flink-cli");

        assertThatThrownBy(() ->
                        services.scaler().scale(other.toString(), new ScaleRequest(Optional.of(2), Map.of()), false))
                .satisfies(failsWith(ExitCode.CONFLICT, "cannot rescale in place", "jobmanager.scheduler: adaptive"));
        assertThat(flink.status(other)).isEqualTo(JobStatus.RUNNING);
    }
}
