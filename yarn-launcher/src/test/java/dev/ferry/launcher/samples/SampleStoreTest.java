package dev.ferry.launcher.samples;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.samples.SampleStore.Taken;
import dev.ferry.launcher.testing.InMemoryClusterFiles;
import dev.ferry.launcher.testing.TestClock;
import dev.ferry.sql.SampleColumn;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SampleStoreTest {

    private static final List<SampleColumn> COLUMNS =
            List.of(new SampleColumn("id", "BIGINT"), new SampleColumn("item", "VARCHAR(2147483647)"));

    private final InMemoryClusterFiles files = new InMemoryClusterFiles(new TestClock());
    private final SampleStore store = new SampleStore(files, "/ferry/samples");

    @Test
    void givenATake_whenSaved_thenTheSampleIsListedWithItsRowsCountedBesideFlinksHiddenFiles() {
        Sample saved = store.save("orders", false, rows("{\"id\":1}\n{\"id\":2}\n"));

        assertThat(saved.rows()).isEqualTo(2);
        assertThat(store.list()).singleElement().satisfies(sample -> {
            assertThat(sample.name()).isEqualTo("orders");
            assertThat(sample.columns()).isEqualTo(COLUMNS);
            assertThat(sample.source()).isEqualTo("table db.orders");
        });
        assertThat(store.firstRows(store.get("orders"), 1)).containsExactly("{\"id\":1}");
    }

    @Test
    void givenASampleOfThatName_whenSavedWithoutReplace_thenConflictAndNothingIsTaken() {
        store.save("orders", false, rows("{\"id\":1}\n"));

        FerryException error = catchThrowableOfType(
                FerryException.class,
                () -> store.save("orders", false, data -> {
                    throw new AssertionError("the take must not run");
                }));

        assertThat(error.exitCode()).isEqualTo(ExitCode.CONFLICT);
        assertThat(error).hasMessageContaining("--replace").hasMessageContaining("1 rows");
    }

    @Test
    void givenReplace_whenSavedAgain_thenOnlyTheNewRowsAreLeft() {
        Sample old = store.save("orders", false, rows("{\"id\":1}\n"));

        Sample replaced = store.save("orders", true, rows("{\"id\":7}\n{\"id\":8}\n{\"id\":9}\n"));

        assertThat(replaced.rows()).isEqualTo(3);
        assertThat(files.status(old.dataPath())).isEmpty();
        assertThat(store.firstRows(store.get("orders"), 10)).hasSize(3);
    }

    @Test
    void givenATakeThatFails_whenSaved_thenItsRowsAreGoneAndTheOlderSampleStays() {
        store.save("orders", false, rows("{\"id\":1}\n"));

        catchThrowableOfType(
                IllegalStateException.class,
                () -> store.save("orders", true, data -> {
                    files.write(data + "/part-0", "{\"id\":2}\n".getBytes(StandardCharsets.UTF_8));
                    throw new IllegalStateException("the job failed");
                }));

        assertThat(store.get("orders").rows()).isEqualTo(1);
        assertThat(files.list("/ferry/samples/orders")).hasSize(2); // sample.json and the first take's rows
    }

    @Test
    void givenALaterTakeOfTheSameNameStillRunning_whenAnEarlierOneEnds_thenTheLaterTakesRowsStay() {
        String later = "/ferry/samples/orders/data-" + (System.currentTimeMillis() + 60_000) + "-other-gateway";
        files.write(later + "/part-0-0", "{\"id\":5}\n".getBytes(StandardCharsets.UTF_8));

        store.save("orders", true, rows("{\"id\":1}\n"));

        assertThat(files.status(later + "/part-0-0")).isPresent();
    }

    @Test
    void givenNoSampleOfThatName_whenAskedForOrRemoved_thenNotFoundNamingTheListCommand() {
        FerryException get = catchThrowableOfType(FerryException.class, () -> store.get("nope"));
        FerryException remove = catchThrowableOfType(FerryException.class, () -> store.remove("nope"));

        assertThat(get.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(get).hasMessage("No sample is named 'nope': 'ferry sample list' shows them");
        assertThat(remove.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void givenASample_whenRemoved_thenItAndItsRowsAreGone() {
        Sample sample = store.save("orders", false, rows("{\"id\":1}\n"));

        store.remove("orders");

        assertThat(store.list()).isEmpty();
        assertThat(files.status(sample.dataPath())).isEmpty();
    }

    @Test
    void givenANameWithASlash_whenSaved_thenUsageError() {
        FerryException error = catchThrowableOfType(FerryException.class, () -> store.save("a/b", false, rows("")));

        assertThat(error.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(error).hasMessageContaining("Invalid sample name 'a/b'");
    }

    /** A take as Flink's file sink writes it: the rows, and a hidden in-progress file beside them. */
    private SampleStore.Take rows(String jsonLines) {
        return data -> {
            files.write(data + "/part-0-0", jsonLines.getBytes(StandardCharsets.UTF_8));
            files.write(data + "/.part-0-1.inprogress", "{\"id\":99}\n".getBytes(StandardCharsets.UTF_8));
            return new Taken("table db.orders", "json", COLUMNS);
        };
    }
}
