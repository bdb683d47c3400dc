package dev.ferry.launcher.rest;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.util.RestMapperUtils;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads what a JobManager archived of an ended job ({@code jobmanager.archive.fs.dir}, the files
 * Flink's HistoryServer serves): its REST responses as {@code {"archive": [{"path": ..., "json":
 * ...}]}}. Flink writes one when a job reaches FINISHED, CANCELED or FAILED, also in an
 * application cluster that ends with its job; so a savepoint taken by any client, and the stop
 * with savepoint that ended the job, are known after the JobManager is gone. The format is Flink's
 * ({@code FsJobArchivist}); {@code JobArchiveTest} pins it against Flink's own writer.
 */
public final class JobArchive {

    private static final ObjectMapper JSON = RestMapperUtils.getFlexibleObjectMapper();

    private JobArchive() {}

    /** The checkpoint history in {@code archive}, or empty if it holds none for {@code job}. */
    public static Optional<CheckpointHistory> checkpoints(byte[] archive, JobID job) throws IOException {
        String wanted = "/jobs/" + job + "/checkpoints";
        for (JsonNode entry : JSON.readTree(archive).path("archive")) {
            if (wanted.equals(entry.path("path").asText())) {
                CheckpointingStatistics statistics =
                        JSON.readValue(entry.path("json").asText(), CheckpointingStatistics.class);
                return Optional.of(CheckpointStatisticsMapping.toHistory(statistics));
            }
        }
        return Optional.empty();
    }
}
