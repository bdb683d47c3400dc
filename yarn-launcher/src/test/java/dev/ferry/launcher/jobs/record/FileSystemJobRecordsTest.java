package dev.ferry.launcher.jobs.record;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.testing.InMemoryClusterFiles;
import dev.ferry.launcher.testing.TestClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemJobRecordsTest {

    private final TestClock clock = new TestClock();
    private final InMemoryClusterFiles files = new InMemoryClusterFiles(clock);

    private FileSystemJobRecords store() {
        return new FileSystemJobRecords(files, "/ferry/jobs", Duration.ofMillis(300), clock);
    }

    private static JobRecord record(String name, JobPlacement placement) {
        return new JobRecord(
                name,
                JobRecord.JAR,
                "hdfs:///ferry/artifacts/abc/job.jar",
                "com.example.Job",
                List.of("--rate", "5"),
                List.of(),
                2,
                Map.of(),
                placement,
                List.of("0123"),
                "application_1_0001",
                "hdfs:///ferry/checkpoints",
                "hdfs:///ferry/savepoints",
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
    void savingAgainReplacesTheRecord() {
        store().save(record("counter", JobPlacement.inSession("a")));

        store().save(record("counter", JobPlacement.inSession("a")).withSavepoint("hdfs:///sp/1"));

        assertThat(store().find("counter").orElseThrow().lastSavepoint()).isEqualTo("hdfs:///sp/1");
        assertThat(store().list()).hasSize(1);
    }

    @Test
    void aNewRunAppendsItsJobIdAndBecomesCurrent() {
        JobRecord next =
                record("counter", JobPlacement.inSession("a")).withRun("4567", "application_1_0002", "/chk", "/sp");

        assertThat(next.jobIds()).containsExactly("0123", "4567");
        assertThat(next.currentJobId()).isEqualTo("4567");
        assertThat(next.savepointDir()).isEqualTo("/sp");
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

    @Test
    void givenAGatewayHoldingAJobName_whenAnotherGatewayWantsIt_thenItGetsAConflictNamingTheHolder() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> alice = CompletableFuture.runAsync(() -> store().underNameLock("orders", () -> {
            held.countDown();
            await(release);
            return null;
        }));
        held.await(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> store().underNameLock("orders", () -> "bob ran"))
                .isInstanceOf(FerryException.class)
                .satisfies(e -> assertThat(((FerryException) e).exitCode()).isEqualTo(ExitCode.CONFLICT))
                .hasMessageContaining("Job 'orders' is held by " + System.getProperty("user.name") + "@");
        release.countDown();
        alice.get(5, TimeUnit.SECONDS);
    }

    @Test
    void givenAReleasedJobName_whenAnotherGatewayWantsIt_thenItGetsIt() {
        store().underNameLock("orders", () -> "alice ran");

        assertThat(store().underNameLock("orders", () -> "bob ran")).isEqualTo("bob ran");
    }

    @Test
    void givenAnActionThatFails_whenItEnds_thenTheNameIsReleasedAllTheSame() {
        assertThatThrownBy(() -> store().underNameLock("orders", () -> {
                    throw new IllegalStateException("deploy failed");
                }))
                .hasMessage("deploy failed");

        assertThat(store().underNameLock("orders", () -> "next")).isEqualTo("next");
    }

    @Test
    void givenALockLeftByACommandThatDied_whenItsLeaseIsOver_thenTheNextCommandTakesTheName() {
        files.put("/ferry/jobs/.locks/orders.lock", "user=ghost");
        clock.advance(FileSystemNameLock.LEASE.plusSeconds(1).toMillis());

        assertThat(store().underNameLock("orders", () -> "taken over")).isEqualTo("taken over");
    }

    @Test
    void givenAFreshLockOfAnotherCommand_whenTheTimeoutPasses_thenItIsNotTakenOver() {
        files.put("/ferry/jobs/.locks/orders.lock", "user=alice");

        assertThatThrownBy(() -> store().underNameLock("orders", () -> "bob"))
                .hasMessageContaining("is held by another command");
        assertThat(files.exists("/ferry/jobs/.locks/orders.lock")).isTrue();
    }

    @Test
    void givenANameHeldByThisThread_whenTakenAgain_thenTheInnerActionRuns() {
        String result = store().underNameLock("orders", () -> store().underNameLock("orders", () -> "restart"));

        assertThat(result).isEqualTo("restart");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
