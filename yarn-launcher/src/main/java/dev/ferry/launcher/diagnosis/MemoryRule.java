package dev.ferry.launcher.diagnosis;

import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.yarn.ContainerView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Containers lost to memory, told apart the way an operator must fix them: YARN killed a container
 * for exceeding its memory limit (exit -104/-103: the process, including native and direct memory,
 * grew beyond its size), or the JVM ran out of heap, metaspace or direct memory inside it.
 */
final class MemoryRule implements DiagnosisRule {

    private static final int EXCEEDED_PHYSICAL_MEMORY = -104;
    private static final int EXCEEDED_VIRTUAL_MEMORY = -103;

    /** One way the JVM runs out of memory: the words that show it and the setting to change. */
    private record OutOfMemory(String words, String what, String setting) {}

    private static final List<OutOfMemory> OUT_OF_MEMORY = List.of(
            new OutOfMemory("Java heap space", "the JVM ran out of heap", "taskmanager.memory.task.heap.size"),
            new OutOfMemory(
                    "GC overhead limit exceeded",
                    "the JVM spent its time collecting garbage",
                    "taskmanager.memory.task.heap.size"),
            new OutOfMemory(
                    "Metaspace", "the JVM ran out of metaspace (classes)", "taskmanager.memory.jvm-metaspace.size"),
            new OutOfMemory(
                    "Direct buffer memory",
                    "the JVM ran out of direct memory",
                    "taskmanager.memory.task.off-heap.size"));

    /**
     * YARN's words for a container it killed for its memory: Hadoop 3 writes "is running 38916096B
     * beyond the 'PHYSICAL' memory limit", Hadoop 2 "is running beyond physical memory limits".
     */
    private static final Pattern KILLED_FOR_MEMORY =
            Pattern.compile("beyond (the )?'?(physical|virtual)'? memory limit", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Finding> findings(JobEvidence evidence) {
        List<Finding> findings = new ArrayList<>();
        String rootException = evidence.health().restarts().rootException().orElse("");
        Optional<ContainerView> killed = evidence.containers().stream()
                .filter(c -> c.completed() && isKilledForMemory(c))
                .findFirst();
        if (killed.isPresent()) {
            findings.add(killedByYarn(killed.get()));
        } else if (KILLED_FOR_MEMORY.matcher(rootException).find()) {
            // The ResourceManager lists only live containers; Flink's failure carries YARN's words.
            findings.add(killedByYarn(false, "the job's failure: " + lineWith(rootException, KILLED_FOR_MEMORY)));
        }
        String failures = rootException + "\n"
                + String.join(
                        "\n",
                        evidence.containers().stream()
                                .map(ContainerView::diagnostics)
                                .toList());
        for (OutOfMemory oom : OUT_OF_MEMORY) {
            if (failures.contains("OutOfMemoryError") && failures.contains(oom.words())) {
                findings.add(new Finding(
                        Severity.CRITICAL,
                        "TaskManagers run out of memory: " + oom.what(),
                        "java.lang.OutOfMemoryError: " + oom.words() + " in the job's failures",
                        "raise " + oom.setting() + " (or taskmanager.memory.process.size, which Flink divides"
                                + " up), or keep less in that memory",
                        Optional.empty()));
                break;
            }
        }
        return findings;
    }

    private static boolean isKilledForMemory(ContainerView container) {
        int status = container.exitStatus();
        return status == EXCEEDED_PHYSICAL_MEMORY
                || status == EXCEEDED_VIRTUAL_MEMORY
                || KILLED_FOR_MEMORY.matcher(container.diagnostics()).find();
    }

    private static String lineWith(String text, Pattern pattern) {
        return text.lines()
                .filter(l -> pattern.matcher(l).find())
                .findFirst()
                .orElse("")
                .trim();
    }

    private static Finding killedByYarn(ContainerView container) {
        return killedByYarn(
                container.jobManager(),
                container.id() + " ended with exit code " + container.exitStatus() + ": "
                        + CheckpointRule.firstLine(container.diagnostics()));
    }

    private static Finding killedByYarn(boolean jobManager, String evidence) {
        return new Finding(
                Severity.CRITICAL,
                "YARN killed a " + (jobManager ? "JobManager" : "TaskManager")
                        + " container for exceeding its memory limit",
                evidence,
                "the process outgrew its container (native memory, RocksDB, direct buffers): raise "
                        + (jobManager ? "jobmanager.memory.process.size" : "taskmanager.memory.process.size")
                        + " (--tm-memory), or keep RocksDB in managed memory"
                        + " (state.backend.rocksdb.memory.managed: true) and give it less"
                        + " (taskmanager.memory.managed.fraction)",
                Optional.empty());
    }
}
