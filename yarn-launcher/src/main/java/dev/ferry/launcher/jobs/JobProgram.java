package dev.ferry.launcher.jobs;

import org.apache.flink.api.common.JobID;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a job's program: the local jar and how to call it, the job id it will have, and
 * what it restores from.
 *
 * @param flinkSettings extra Flink settings for this run only (e.g. a SQL job's pipeline name)
 * @param shipFiles local files or directories a job cluster ships besides Ferry's own (e.g. the
 *     hive-site.xml a SQL script's Hive catalog needs on the JobManager)
 */
public record JobProgram(
        Path jar,
        String entryClass,
        List<String> arguments,
        Optional<Integer> parallelism,
        String jobName,
        JobID jobId,
        Optional<String> restorePath,
        Map<String, String> flinkSettings,
        List<Path> shipFiles) {

    public JobProgram {
        arguments = List.copyOf(arguments);
        flinkSettings = Map.copyOf(flinkSettings);
        shipFiles = List.copyOf(shipFiles);
    }

    JarJobRequest asJarRequest() {
        return new JarJobRequest(
                jar, Optional.of(entryClass), parallelism, Optional.of(jobName), arguments, restorePath, flinkSettings);
    }
}
