package dev.ferry.launcher.logs;

import java.util.List;

/**
 * A container whose logs can be read: the JobManager of one attempt, or a TaskManager (Flink names
 * a TaskManager on YARN by its container id), with its log files.
 */
public record LoggedContainer(String id, int attempt, boolean jobManager, List<LogFile> files) {

    public LoggedContainer {
        files = List.copyOf(files);
    }

    public String role() {
        return jobManager ? "JobManager" : "TaskManager";
    }

    /** One log file of a container: its name and its size now, in bytes. */
    public record LogFile(String name, long size) {}
}
