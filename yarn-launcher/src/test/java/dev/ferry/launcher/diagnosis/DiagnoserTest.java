package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.health.JobHealth;
import dev.ferry.launcher.health.JobHealth.Checkpoints;
import dev.ferry.launcher.health.JobHealth.Restarts;
import dev.ferry.launcher.health.JobHealth.Vertex;
import dev.ferry.launcher.yarn.ContainerView;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** One symptom per test, as the purpose-built example jobs show them, and the finding that names it. */
class DiagnoserTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Checkpoints CHECKPOINTING =
            new Checkpoints(12, 0, Optional.empty(), true, OptionalLong.of(300), List.of(1000L, 1000L, 1000L));
    private static final Restarts NO_RESTARTS = new Restarts(0, Optional.empty());

    private static Vertex vertex(String id, String name, List<String> inputs, double busy, double backPressured) {
        return new Vertex(
                id,
                name,
                1,
                inputs,
                100,
                100,
                busy,
                busy,
                backPressured,
                backPressured,
                List.of(5000L),
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    private static JobHealth job(List<Vertex> vertices, Checkpoints checkpoints, Restarts restarts) {
        return new JobHealth("0d24", "orders", "RUNNING", NOW, vertices, checkpoints, restarts, List.of());
    }

    private static List<Finding> diagnose(JobHealth health, List<ContainerView> containers) {
        return new Diagnoser()
                .diagnose(new JobEvidence(health.name(), health, containers, DiagnosisThresholds.defaults()));
    }

    private static Vertex source() {
        return vertex("v1", "Source: orders", List.of(), 100, 0);
    }

    @Test
    void givenASlowSink_whenDiagnosed_thenTheSinkIsTheBottleneckOfTheBackpressure() {
        JobHealth health = job(
                List.of(
                        vertex("v1", "Source: orders", List.of(), 50, 920),
                        vertex("v2", "Map", List.of("v1"), 60, 880),
                        vertex("v3", "Sink: slow", List.of("v2"), 990, 0)),
                CHECKPOINTING,
                NO_RESTARTS);

        Finding top = diagnose(health, List.of()).get(0);

        assertThat(top.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(top.title()).isEqualTo("Backpressure: 'Sink: slow' is the bottleneck");
        assertThat(top.vertex()).contains("Sink: slow");
        assertThat(top.evidence()).contains("busy 990 ms/s");
        assertThat(top.suggestion()).contains("parallelism");
    }

    @Test
    void givenAHotKey_whenDiagnosed_thenTheHotSubtaskAndItsShareAreNamed() {
        Vertex keyed = new Vertex(
                "v2",
                "GroupAggregate",
                4,
                List.of("v1"),
                1000,
                1000,
                990,
                300,
                0,
                0,
                List.of(9000L, 500L, 300L, 200L),
                OptionalLong.empty(),
                OptionalLong.empty());

        Finding top = diagnose(job(List.of(source(), keyed), CHECKPOINTING, NO_RESTARTS), List.of())
                .get(0);

        assertThat(top.title()).isEqualTo("Data skew in 'GroupAggregate': subtask 0 gets 90% of its records");
        assertThat(top.evidence()).contains("an even share would be 25% across 4 subtasks");
        assertThat(top.vertex()).contains("GroupAggregate");
    }

    @Test
    void givenAnEventTimeSourceRunningBehind_whenDiagnosed_thenTheDelayIsNamedWithTheVertex() {
        Vertex window = new Vertex(
                "v2",
                "Window",
                1,
                List.of("v1"),
                100,
                100,
                100,
                100,
                0,
                0,
                List.of(5000L),
                OptionalLong.of(NOW - 15 * 60_000),
                OptionalLong.empty());

        Finding top = diagnose(job(List.of(source(), window), CHECKPOINTING, NO_RESTARTS), List.of())
                .get(0);

        assertThat(top.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(top.title()).isEqualTo("Event time is 15 min behind wall clock at 'Window'");
    }

    @Test
    void givenACheckpointThatCannotFinish_whenDiagnosed_thenFlinksReasonAndTheTimeoutAreNamed() {
        Checkpoints expiring = new Checkpoints(
                0, 3, Optional.of("Checkpoint expired before completing."), false, OptionalLong.empty(), List.of());

        Finding top = diagnose(job(List.of(source()), expiring, NO_RESTARTS), List.of())
                .get(0);

        assertThat(top.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(top.title()).isEqualTo("Checkpoints expire before they complete");
        assertThat(top.evidence()).contains("3 failed, 0 completed", "Checkpoint expired before completing.");
        assertThat(top.suggestion()).contains("execution.checkpointing.unaligned.enabled");
    }

    @Test
    void givenCheckpointsThatFailedOnceAndCompletedSince_whenDiagnosed_thenThoseFailuresAreNotAProblem() {
        Checkpoints recovered = new Checkpoints(
                9, 2, Optional.of("Checkpoint expired before completing."), true, OptionalLong.of(300), List.of());

        List<Finding> findings = diagnose(job(List.of(source()), recovered, NO_RESTARTS), List.of());

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.title()).isEqualTo("Healthy"));
    }

    @Test
    void givenAJobThatFailsEveryNRecords_whenDiagnosed_thenItsRestartsAndTheUserFrameOfTheExceptionAreShown() {
        Restarts restarts = new Restarts(
                4,
                Optional.of("java.lang.IllegalStateException: record 1000 is poison\n"
                        + "\tat org.apache.flink.streaming.runtime.tasks.OneInputStreamTask.process(OneInputStreamTask.java:1)\n"
                        + "\tat dev.ferry.examples.Poison.map(Poison.java:42)\n"));

        Finding top = diagnose(job(List.of(source()), CHECKPOINTING, restarts), List.of())
                .get(0);

        assertThat(top.title()).isEqualTo("The job restarted 4 times");
        assertThat(top.evidence())
                .contains("IllegalStateException: record 1000 is poison")
                .contains("at dev.ferry.examples.Poison.map(Poison.java:42)");
    }

    @Test
    void givenATaskManagerThatOutgrewItsContainer_whenDiagnosed_thenYarnsKillAndTheMemorySettingAreNamed() {
        ContainerView killed = new ContainerView(
                "container_1_0001_01_000002",
                1,
                false,
                "nm-1",
                "nm-1:8042",
                "COMPLETE",
                -104,
                "Container [pid=4242,containerID=container_1_0001_01_000002] is running beyond physical memory limits."
                        + " Current usage: 1.1 GB of 1 GB physical memory used");

        List<Finding> findings = diagnose(
                job(
                        List.of(source()),
                        CHECKPOINTING,
                        new Restarts(
                                1,
                                Optional.of(
                                        "org.apache.flink.util.FlinkExpectedException: The TaskExecutor is shutting down."))),
                List.of(killed));

        assertThat(findings)
                .filteredOn(f -> f.title().contains("YARN killed a TaskManager container"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.evidence()).contains("exit code -104", "beyond physical memory limits");
                    assertThat(f.suggestion()).contains("taskmanager.memory.process.size");
                });
    }

    @Test
    void givenATaskManagerKilledForMemoryThatYarnNoLongerLists_whenDiagnosed_thenFlinksFailureNamesTheKill() {
        // Hadoop 3's wording, inside the failure Flink records when YARN reports the container completed.
        Restarts killedForMemory = new Restarts(
                3,
                Optional.of("org.apache.flink.util.FlinkException: Worker container_1_0001_01_000002 terminated.\n"
                        + "Container [pid=4242,containerID=container_1_0001_01_000002] is running 38916096B beyond"
                        + " the 'PHYSICAL' memory limit. Current usage: 1.0 GB of 1 GB physical memory used;"
                        + " 3.1 GB of 2.1 GB virtual memory used. Killing container."));

        List<Finding> findings = diagnose(job(List.of(source()), CHECKPOINTING, killedForMemory), List.of());

        assertThat(findings.get(0).title())
                .isEqualTo("YARN killed a TaskManager container for exceeding its memory limit");
        assertThat(findings.get(0).evidence()).contains("38916096B beyond the 'PHYSICAL' memory limit");
        assertThat(findings.get(0).suggestion()).contains("taskmanager.memory.process.size");
    }

    @Test
    void givenATaskManagerStoppedFromOutside_whenDiagnosed_thenYarnsMemoryKillIsSuggestedWithFerrysJobName() {
        // What Flink 1.20 records when a NodeManager kills a container over its memory (SIGTERM first).
        Restarts stopped = new Restarts(
                6,
                Optional.of("org.apache.flink.util.FlinkExpectedException: The TaskExecutor is shutting down.\n"
                        + "\tat org.apache.flink.runtime.taskexecutor.TaskExecutor.onStop(TaskExecutor.java:524)"));
        JobHealth health = job(List.of(source()), CHECKPOINTING, stopped);

        List<Finding> findings =
                new Diagnoser().diagnose(new JobEvidence("orders", health, List.of(), DiagnosisThresholds.defaults()));

        assertThat(findings.get(0).title()).isEqualTo("The job restarted 6 times");
        assertThat(findings.get(0).suggestion())
                .contains("stopped from outside", "beyond the 'PHYSICAL' memory limit")
                .contains("ferry logs orders --all --grep SIGTERM");
    }

    @Test
    void givenAJobThatRanOutOfHeap_whenDiagnosed_thenTheHeapSettingIsNamed() {
        Restarts oom = new Restarts(1, Optional.of("java.lang.OutOfMemoryError: Java heap space"));

        assertThat(diagnose(job(List.of(source()), CHECKPOINTING, oom), List.of()))
                .extracting(Finding::suggestion)
                .anySatisfy(s -> assertThat(s).contains("taskmanager.memory.task.heap.size"));
    }

    @Test
    void givenAHealthyJob_whenDiagnosed_thenItIsCalledHealthyWithItsNumbers() {
        List<Finding> findings = diagnose(
                job(List.of(source(), vertex("v2", "Sink", List.of("v1"), 200, 0)), CHECKPOINTING, NO_RESTARTS),
                List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Healthy");
            assertThat(f.evidence()).contains("12 checkpoints completed");
        });
    }
}
