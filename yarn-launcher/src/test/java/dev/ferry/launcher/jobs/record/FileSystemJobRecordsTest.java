package dev.ferry.launcher.jobs;

import dev.ferry.ha.registry.JobRecord;
import dev.ferry.ha.registry.JobRecord.JobPlacement;
import dev.ferry.launcher.FerryException;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemJobRecordsTest {

    @TempDir
    Path dir;

    private FileSystemJobRecords store() {
        return new FileSystemJobRecords(new Configuration(), dir.toUri().toString());
    }

    private static JobRecord record(String name, JobPlacement placement) {
        return new JobRecord(
                name,
                JobRecord.JAR,
                "hdfs:///ferry/artifacts/abc/job.jar",
                "com.example.Job",
                List.of("--rate", "5"),
                2,
                placement,
                List.of("0123"),
                "application_1_0001",
                "hdfs:///ferry/checkpoints",
                null,
                1000L);
    }

    @Test
    void aSavedRecordReadsBackWithItsPlacement() {
        JobPlacement placement = new JobPlacement(
                "application", null, "analytics", "1024m", "2048m", 2, Map.of("state.backend.type", "hashmap"));
        store().save(record("orders", placement));

        JobRecord read = store().find("orders").orElseThrow();

        assertThat(read).isEqualTo(record("orders", placement));
        assertThat(read.placement().runsInSession()).isFalse();
    }

    @Test
    void aSessionPlacementKeepsTheSessionName() {
        store().save(record("counter", JobPlacement.inSession("analytics")));

        JobRecord read = store().find("counter").orElseThrow();

        assertThat(read.placement().session()).isEqualTo("analytics");
        assertThat(read.placement().runsInSession()).isTrue();
    }

    @Test
    void savingAgainReplacesTheRecordAndLeavesNoTemporaryFile() throws Exception {
        store().save(record("counter", JobPlacement.inSession("a")));

        store().save(record("counter", JobPlacement.inSession("a")).withSavepoint("hdfs:///sp/1"));

        assertThat(store().find("counter").orElseThrow().lastSavepoint()).isEqualTo("hdfs:///sp/1");
        try (var files = Files.list(dir)) {
            // The local file system keeps .crc checksum files beside its files; HDFS does not.
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")))
                    .containsExactly("counter.json");
        }
    }

    @Test
    void aNewRunAppendsItsJobIdAndBecomesCurrent() {
        JobRecord next = record("counter", JobPlacement.inSession("a")).withRun("4567", "application_1_0002", "/chk");

        assertThat(next.jobIds()).containsExactly("0123", "4567");
        assertThat(next.currentJobId()).isEqualTo("4567");
    }

    @Test
    void anUnknownNameHasNoRecord() {
        assertThat(store().find("nosuch")).isEmpty();
        assertThat(store().list()).isEmpty();
    }

    @Test
    void aNameThatCannotKeyARecordIsRefusedWithAHint() {
        assertThatThrownBy(() -> JobRecords.requireValidName("my job/1"))
                .isInstanceOf(FerryException.class)
                .hasMessageContaining("Job name 'my job/1' is not usable")
                .hasMessageContaining("--name");
    }
}
