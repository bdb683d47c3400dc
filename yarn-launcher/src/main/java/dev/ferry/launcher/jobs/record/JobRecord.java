package dev.ferry.launcher.jobs.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Ferry remembers of a named job, so that any gateway can resume or restart it after a stop,
 * a kill, or the end of its application cluster. Kept in ZooKeeper when HA is on, otherwise as a
 * file on the cluster file system (see {@link JobRecords}).
 *
 * @param name the job's name, unique among running jobs; the record's key
 * @param kind {@code jar} or {@code sql}
 * @param artifact the jar or SQL script, copied to the cluster file system
 * @param entryClass the jar's main class, or null for the manifest's
 * @param arguments program arguments of a jar job
 * @param jars the jars a SQL job's functions and connectors come from ({@code --jar}), stored by
 *     content like the artifact; added before the script's first statement in every run
 * @param parallelism default parallelism, or null for the configuration's
 * @param vertices the vertices scaled since, by Flink vertex id: their parallelism overrides the
 *     default in later runs (Flink's {@code pipeline.jobvertex-parallelism-overrides})
 * @param placement where the job runs: a session, or its own cluster and how that is sized
 * @param jobIds every Flink job id this name has run as, oldest first; the last is the current one
 * @param applicationId the YARN application of the current run
 * @param checkpointDir the checkpoint directory its runs used, where retained checkpoints are found
 * @param savepointDir the cluster's savepoint directory of its runs, where savepoints that any
 *     client triggered without naming a directory are found; null in records of older Ferry versions
 * @param lastSavepoint the newest savepoint Ferry took or restored from, or null
 * @param updatedAt epoch milliseconds of the last change
 */
public record JobRecord(
        String name,
        String kind,
        String artifact,
        String entryClass,
        List<String> arguments,
        List<String> jars,
        Integer parallelism,
        Map<String, ScaledVertex> vertices,
        JobPlacement placement,
        List<String> jobIds,
        String applicationId,
        String checkpointDir,
        String savepointDir,
        String lastSavepoint,
        long updatedAt) {

    public static final String JAR = "jar";
    public static final String SQL = "sql";

    public JobRecord {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        jars = jars == null ? List.of() : List.copyOf(jars);
        jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
        vertices = vertices == null ? Map.of() : Map.copyOf(vertices);
    }

    /** The parallelism of each scaled vertex, in the form of Flink's parallelism overrides. */
    public Map<String, Integer> vertexParallelism() {
        Map<String, Integer> parallelism = new LinkedHashMap<>();
        vertices.forEach((id, vertex) -> parallelism.put(id, vertex.parallelism()));
        return parallelism;
    }

    /** The Flink job id of the latest run. */
    public String currentJobId() {
        return jobIds.isEmpty() ? null : jobIds.get(jobIds.size() - 1);
    }

    /** This record after a new run of the job started. */
    public JobRecord withRun(String jobId, String newApplicationId, String newCheckpointDir, String newSavepointDir) {
        List<String> ids = new ArrayList<>(jobIds);
        ids.add(jobId);
        return changed(
                artifact,
                entryClass,
                parallelism,
                vertices,
                ids,
                newApplicationId,
                newCheckpointDir,
                newSavepointDir,
                lastSavepoint);
    }

    public JobRecord withSavepoint(String savepoint) {
        return changed(
                artifact,
                entryClass,
                parallelism,
                vertices,
                jobIds,
                applicationId,
                checkpointDir,
                savepointDir,
                savepoint);
    }

    /** The same job with a new artifact (an upgrade), keeping its history and savepoints. */
    public JobRecord withArtifact(String newArtifact, String newEntryClass) {
        return changed(
                newArtifact,
                newEntryClass,
                parallelism,
                vertices,
                jobIds,
                applicationId,
                checkpointDir,
                savepointDir,
                lastSavepoint);
    }

    /**
     * The same job at a new default parallelism for all its vertices, which its later runs
     * (resume, restart) keep; vertices scaled before run at it too.
     */
    public JobRecord withParallelism(int newParallelism) {
        return changed(
                artifact,
                entryClass,
                newParallelism,
                Map.of(),
                jobIds,
                applicationId,
                checkpointDir,
                savepointDir,
                lastSavepoint);
    }

    /** The same job with {@code scaled} vertices at a new parallelism, the other scaled vertices kept. */
    public JobRecord withScaledVertices(Map<String, ScaledVertex> scaled) {
        Map<String, ScaledVertex> all = new LinkedHashMap<>(vertices);
        all.putAll(scaled);
        return changed(
                artifact,
                entryClass,
                parallelism,
                all,
                jobIds,
                applicationId,
                checkpointDir,
                savepointDir,
                lastSavepoint);
    }

    /** The same job (name, kind, arguments, placement) with what changes between runs, updated now. */
    private JobRecord changed(
            String newArtifact,
            String newEntryClass,
            Integer newParallelism,
            Map<String, ScaledVertex> newVertices,
            List<String> newJobIds,
            String newApplicationId,
            String newCheckpointDir,
            String newSavepointDir,
            String newLastSavepoint) {
        return new JobRecord(
                name,
                kind,
                newArtifact,
                newEntryClass,
                arguments,
                jars,
                newParallelism,
                newVertices,
                placement,
                newJobIds,
                newApplicationId,
                newCheckpointDir,
                newSavepointDir,
                newLastSavepoint,
                System.currentTimeMillis());
    }
}
