package dev.ferry.launcher.logs;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What {@code ferry logs} was asked for.
 *
 * @param target a cluster name, or a job name or id (its cluster, or the application it last ran in)
 * @param taskManager a TaskManager's container id, or its last digits
 * @param attempt the JobManager of this YARN attempt; empty for the newest
 * @param all every container, JobManagers and TaskManagers
 */
public record LogRequest(
        String target,
        Optional<String> taskManager,
        OptionalInt attempt,
        boolean all,
        FileKind file,
        OptionalInt tail,
        Optional<Duration> since,
        Optional<Pattern> grep,
        boolean follow) {

    /** Which of a container's files: Flink's log, its stdout, its stderr, a GC log where one is written. */
    public enum FileKind {
        LOG,
        OUT,
        ERR,
        GC;

        boolean matches(String fileName) {
            return switch (this) {
                case LOG -> fileName.endsWith(".log") && !fileName.contains("gc");
                case OUT -> fileName.endsWith(".out") || fileName.equals("stdout");
                case ERR -> fileName.endsWith(".err") || fileName.equals("stderr");
                case GC -> fileName.contains("gc");
            };
        }
    }
}
