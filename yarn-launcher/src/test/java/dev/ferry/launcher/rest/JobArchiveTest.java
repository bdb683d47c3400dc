package dev.ferry.launcher.rest;

import dev.ferry.launcher.rest.CheckpointHistory.Snapshot;
import dev.ferry.launcher.testing.CheckpointStatisticsJson;

import org.apache.flink.api.common.JobID;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.history.FsJobArchivist;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.util.RestMapperUtils;
import org.apache.flink.runtime.webmonitor.history.ArchivedJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the Flink formats Ferry reads savepoints of other clients from: the history archive that
 * Flink's own {@link FsJobArchivist} writes, and the checkpoint statistics Flink's REST classes
 * read. A Flink upgrade that changes either fails here.
 */
class JobArchiveTest {

    private static final Snapshot CHECKPOINT = new Snapshot(3, "hdfs://nn:8020/chk/job/chk-3", false, 1_000);
    private static final Snapshot SAVEPOINT = new Snapshot(4, "hdfs://nn:8020/sp/savepoint-0d2439-1", true, 2_000);
    private static final Snapshot RESTORED = new Snapshot(1, "hdfs://nn:8020/sp/savepoint-0d2439-0", true, 500);

    @Test
    void givenTheFakesCheckpointResponse_whenFlinksStrictRestMapperReadsIt_thenItIsValidRestJson() throws Exception {
        String response = CheckpointStatisticsJson.response(List.of(CHECKPOINT, SAVEPOINT), Optional.of(RESTORED));

        CheckpointingStatistics parsed =
                RestMapperUtils.getStrictObjectMapper().readValue(response, CheckpointingStatistics.class);

        assertThat(parsed.getHistory()).hasSize(2);
        assertThat(parsed.getLatestCheckpoints().getSavepointStatistics().getExternalPath())
                .isEqualTo(SAVEPOINT.path());
    }

    @Test
    void givenAnArchiveWrittenByFlinksArchivist_whenRead_thenItsSavepointsCheckpointsAndRestoreAreBack(
            @TempDir java.nio.file.Path dir) throws Exception {
        JobID job = new JobID();
        String response = CheckpointStatisticsJson.response(List.of(CHECKPOINT, SAVEPOINT), Optional.of(RESTORED));
        Path written = FsJobArchivist.archiveJob(
                new Path(dir.toUri()),
                job,
                List.of(
                        new ArchivedJson("/jobs/overview", "{}"),
                        new ArchivedJson("/jobs/" + job + "/checkpoints", response)));

        Optional<CheckpointHistory> history =
                JobArchive.checkpoints(Files.readAllBytes(java.nio.file.Path.of(written.toUri())), job);

        assertThat(history).hasValueSatisfying(h -> {
            assertThat(h.completed()).containsExactlyInAnyOrder(CHECKPOINT, SAVEPOINT);
            assertThat(h.latestSavepoint()).contains(SAVEPOINT);
            assertThat(h.restored())
                    .hasValueSatisfying(r -> assertThat(r.path()).isEqualTo(RESTORED.path()));
        });
    }

    @Test
    void givenAnArchiveOfAnotherJob_whenRead_thenItHoldsNothingForThisOne() throws Exception {
        byte[] archive = CheckpointStatisticsJson.archive(
                new JobID(), CheckpointStatisticsJson.response(List.of(SAVEPOINT), Optional.empty()));

        assertThat(JobArchive.checkpoints(archive, new JobID())).isEmpty();
    }

    @Test
    void givenACheckpointFlinkDiscarded_whenRead_thenItIsNotOfferedForRestore() throws Exception {
        JobID job = new JobID();
        String response = CheckpointStatisticsJson.response(List.of(CHECKPOINT), Optional.empty())
                .replace("\"discarded\":false", "\"discarded\":true");

        Optional<CheckpointHistory> history =
                JobArchive.checkpoints(CheckpointStatisticsJson.archive(job, response), job);

        assertThat(history).hasValueSatisfying(h -> assertThat(h.completed()).isEmpty());
    }
}
