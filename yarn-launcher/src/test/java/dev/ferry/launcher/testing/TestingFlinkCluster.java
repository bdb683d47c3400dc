package dev.ferry.launcher.testing;

import dev.ferry.launcher.rest.CheckpointHistory;
import dev.ferry.launcher.rest.CheckpointHistory.Snapshot;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.RunningVertex;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.clusterframework.ApplicationStatus;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.util.SerializedThrowable;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One Flink cluster's JobManager in memory, in the style of the Kubernetes operator's
 * TestingFlinkService: jobs that run, checkpoint, take savepoints and stop as Flink's would
 * (snapshot files appear in the file system, a finished job's checkpoints are deleted), and
 * switches that make it fail the way real JobManagers fail: silent, refusing, failing savepoints.
 */
public final class TestingFlinkCluster {

    public static final String CHECKPOINT_DIR = "hdfs:///ferry/checkpoints";
    public static final String SAVEPOINT_DIR = "hdfs:///ferry/savepoints";
    /** {@code jobmanager.archive.fs.dir}: where a JobManager archives a job that ended. */
    public static final String ARCHIVE_DIR = "hdfs:///ferry/completed-jobs";

    private final ApplicationId application;
    private final TestingYarnCluster yarn;
    private final InMemoryClusterFiles files;
    private final TestClock clock;
    private final Map<JobID, Job> jobs = new LinkedHashMap<>();
    private final Map<String, JsonNode> restResources = new LinkedHashMap<>();
    /** Vertex ids of the jobs of {@link #runJob} and {@link #runApplication}. */
    public static final String SOURCE_VERTEX_ID = "bc764cd8ddf7a0cff126f51c16239658";

    public static final String SINK_VERTEX_ID = "0a448493b4782967b150582570326227";

    private int taskManagers = 1;
    private boolean adaptiveScheduler;
    private int savepoints;
    private boolean silent;
    private String savepointFailure;
    private String jobFailure;
    private int opened;
    private int closed;
    private boolean endsWithItsJob;

    TestingFlinkCluster(
            ApplicationId application, TestingYarnCluster yarn, InMemoryClusterFiles files, TestClock clock) {
        this.application = application;
        this.yarn = yarn;
        this.files = files;
        this.clock = clock;
    }

    /** A vertex of a job, with the parallelism its scheduler runs it at now. */
    private static final class Vertex {
        final String id;
        final String name;
        final int maxParallelism;
        int parallelism;

        Vertex(String id, String name, int parallelism, int maxParallelism) {
            this.id = id;
            this.name = name;
            this.parallelism = parallelism;
            this.maxParallelism = maxParallelism;
        }
    }

    /** A job as the JobManager keeps it. */
    private static final class Job {
        final JobID id;
        final String name;
        final List<Vertex> vertices;
        final long start;
        JobStatus status = JobStatus.RUNNING;
        long end = -1;
        final List<Snapshot> history = new ArrayList<>();
        Optional<Snapshot> restored = Optional.empty();
        int checkpoints;
        String failure;

        Job(JobID id, String name, List<Vertex> vertices, long start) {
            this.id = id;
            this.name = name;
            this.vertices = vertices;
            this.start = start;
        }

        int tasks() {
            return vertices.stream().mapToInt(v -> v.parallelism).sum();
        }
    }

    /** What a job of another client or an application cluster runs: a parallel source and a sink of one. */
    private static List<Vertex> sourceAndSink(Map<String, String> parallelismOverrides) {
        List<Vertex> vertices = List.of(
                new Vertex(SOURCE_VERTEX_ID, "Source: numbers", 1, 128),
                new Vertex(SINK_VERTEX_ID, "Sink: counts", 1, 1));
        applyOverrides(vertices, parallelismOverrides);
        return vertices;
    }

    /** As Flink's dispatcher does with {@code pipeline.jobvertex-parallelism-overrides} when it accepts a job. */
    private static void applyOverrides(List<Vertex> vertices, Map<String, String> overrides) {
        vertices.forEach(v -> {
            if (overrides.containsKey(v.id)) {
                v.parallelism = Integer.parseInt(overrides.get(v.id));
            }
        });
    }

    // --- switches ---------------------------------------------------------------------------

    /** The JobManager stops answering: every call's future never completes. */
    public synchronized TestingFlinkCluster goSilent() {
        silent = true;
        return this;
    }

    /** Savepoints fail with {@code cause}, as when the savepoint directory is not writable. */
    public synchronized TestingFlinkCluster failSavepoints(String cause) {
        savepointFailure = cause;
        return this;
    }

    /** Jobs submitted from now on fail at once with {@code cause}, as with a broken cluster setting. */
    public synchronized TestingFlinkCluster failJobs(String cause) {
        jobFailure = cause;
        return this;
    }

    /** The cluster runs Flink's adaptive scheduler: jobs can be rescaled in place. */
    public synchronized TestingFlinkCluster withAdaptiveScheduler() {
        adaptiveScheduler = true;
        return this;
    }

    public synchronized TestingFlinkCluster withTaskManagers(int registered) {
        taskManagers = registered;
        return this;
    }

    /** What {@code GET path} of the REST API answers, e.g. a job's metrics or exceptions. */
    public synchronized TestingFlinkCluster respond(String path, JsonNode json) {
        restResources.put(path, json);
        return this;
    }

    // --- what other clients do --------------------------------------------------------------

    /**
     * An application cluster: it runs the job its deploy names (fixed id, name, restore path, as
     * Flink's application mode does) and YARN ends it when that job ends.
     */
    public synchronized TestingFlinkCluster runApplication(
            JobID id, String name, String restorePath, Map<String, String> parallelismOverrides) {
        endsWithItsJob = true;
        Job job = new Job(id, name, sourceAndSink(parallelismOverrides), clock.millis());
        if (restorePath != null) {
            job.restored = Optional.of(new Snapshot(0, files.qualify(restorePath), true, clock.millis()));
        }
        jobs.put(id, job);
        return this;
    }

    /** A job submitted by another client (Flink's CLI, a notebook): Ferry has no record of it. */
    public synchronized JobID runJob(String name) {
        JobID id = new JobID();
        jobs.put(id, new Job(id, name, sourceAndSink(Map.of()), clock.millis()));
        return id;
    }

    /** The job completes a checkpoint; the previous one is subsumed and deleted, as with one retained. */
    public synchronized String checkpoint(JobID id) {
        Job job = jobs.get(id);
        job.history.removeIf(s -> !s.savepoint() && deleteSnapshot(s.path()));
        String path = files.qualify(CHECKPOINT_DIR + "/" + id + "/chk-" + (++job.checkpoints));
        completeSnapshot(job, path, false);
        return path;
    }

    /** A savepoint triggered by Flink's CLI, REST API or web UI while the job keeps running. */
    public synchronized String savepointByAnotherClient(JobID id) {
        return takeSavepoint(jobs.get(id), null);
    }

    /** A stop with savepoint through Flink's CLI or REST API. */
    public synchronized String stopWithSavepointByAnotherClient(JobID id) {
        String path = takeSavepoint(jobs.get(id), null);
        finish(jobs.get(id), JobStatus.FINISHED);
        return path;
    }

    /** A cancel through Flink's CLI, REST API or web UI: retained checkpoints stay. */
    public synchronized void cancelByAnotherClient(JobID id) {
        finish(jobs.get(id), JobStatus.CANCELED);
    }

    // --- what tests read back ---------------------------------------------------------------

    public synchronized JobStatus status(JobID id) {
        return jobs.get(id).status;
    }

    public synchronized List<JobID> jobIds() {
        return new ArrayList<>(jobs.keySet());
    }

    /** The jobs now running, by name. */
    public synchronized List<String> runningJobNames() {
        return jobs.values().stream()
                .filter(j -> j.status == JobStatus.RUNNING)
                .map(j -> j.name)
                .toList();
    }

    /** The highest parallelism among job {@code id}'s vertices, as it runs now. */
    public synchronized int parallelism(JobID id) {
        return jobs.get(id).vertices.stream().mapToInt(v -> v.parallelism).max().orElse(0);
    }

    /** The parallelism of each of job {@code id}'s vertices as it runs now, by vertex name. */
    public synchronized Map<String, Integer> vertexParallelism(JobID id) {
        Map<String, Integer> parallelism = new LinkedHashMap<>();
        jobs.get(id).vertices.forEach(v -> parallelism.put(v.name, v.parallelism));
        return parallelism;
    }

    /** A rescale through Flink's REST API or web UI (adaptive scheduler), by vertex name. */
    public synchronized void rescaleByAnotherClient(JobID id, String vertexName, int parallelism) {
        jobs.get(id).vertices.stream().filter(v -> v.name.equals(vertexName)).forEach(v -> v.parallelism = parallelism);
    }

    /** Where job {@code id} restored from, as Flink's REST API reports it ({@code latest.restored}). */
    public synchronized Optional<String> restoredFrom(JobID id) {
        return jobs.get(id).restored.map(Snapshot::path);
    }

    /** Whether every JobManager client opened was closed again. */
    public synchronized boolean clientsClosed() {
        return opened == closed;
    }

    // --- the REST API -----------------------------------------------------------------------

    JobManager jobManager() {
        synchronized (this) {
            opened++;
        }
        return new JobManager() {
            @Override
            public CompletableFuture<Collection<JobDetails>> jobs() {
                return answer(TestingFlinkCluster.this::details);
            }

            @Override
            public CompletableFuture<Integer> registeredTaskManagers() {
                return answer(() -> taskManagers);
            }

            @Override
            public CompletableFuture<JobID> submit(JobGraph graph) {
                return answer(() -> accept(graph));
            }

            @Override
            public CompletableFuture<Void> cancel(JobID job) {
                return answer(() -> {
                    finish(requireRunning(job), JobStatus.CANCELED);
                    return null;
                });
            }

            @Override
            public CompletableFuture<String> savepoint(JobID job, String directory) {
                return answer(() -> takeSavepoint(requireRunning(job), directory));
            }

            @Override
            public CompletableFuture<String> stopWithSavepoint(JobID job, boolean drain, String directory) {
                return answer(() -> {
                    Job running = requireRunning(job);
                    String path = takeSavepoint(running, directory);
                    finish(running, JobStatus.FINISHED);
                    return path;
                });
            }

            @Override
            public CompletableFuture<JobResult> result(JobID job) {
                return answer(() -> {
                    Job bounded = jobs.get(job);
                    if (bounded.status == JobStatus.RUNNING) {
                        finish(bounded, JobStatus.FINISHED);
                    }
                    return resultOf(bounded);
                });
            }

            @Override
            public CompletableFuture<List<RunningVertex>> vertices(JobID job) {
                return answer(() -> requireRunning(job).vertices.stream()
                        .map(v -> new RunningVertex(v.id, v.name, v.parallelism, v.maxParallelism))
                        .toList());
            }

            @Override
            public CompletableFuture<Boolean> rescaleInPlace(JobID job, Map<String, Integer> parallelism) {
                return answer(() -> {
                    Job running = requireRunning(job);
                    if (!adaptiveScheduler) {
                        return false;
                    }
                    running.vertices.forEach(v -> v.parallelism = parallelism.get(v.id));
                    return true;
                });
            }

            @Override
            public CompletableFuture<CheckpointHistory> checkpoints(JobID job) {
                return answer(() -> {
                    Job known = jobs.get(job);
                    if (known == null) {
                        throw new IllegalStateException("Job " + job + " not found");
                    }
                    return new CheckpointHistory(known.history, known.restored);
                });
            }

            @Override
            public CompletableFuture<JsonNode> get(String path) {
                return answer(() -> {
                    JsonNode json = restResources.get(path);
                    if (json == null) {
                        throw new IllegalStateException("GET " + path + " answered 404: Not Found");
                    }
                    return json;
                });
            }

            @Override
            public CompletableFuture<Void> shutDown() {
                return answer(() -> {
                    yarn.end(application, YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED);
                    return null;
                });
            }

            @Override
            public void close() {
                synchronized (TestingFlinkCluster.this) {
                    closed++;
                }
            }
        };
    }

    private <T> CompletableFuture<T> answer(Supplier<T> call) {
        synchronized (this) {
            if (silent) {
                return new CompletableFuture<>();
            }
            if (yarn.application(application)
                    .map(r -> r.getYarnApplicationState() != YarnApplicationState.RUNNING)
                    .orElse(true)) {
                return CompletableFuture.failedFuture(new ConnectException("Connection refused: " + application));
            }
            try {
                return CompletableFuture.completedFuture(call.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    private synchronized JobID accept(JobGraph graph) {
        List<Vertex> vertices = new ArrayList<>();
        for (JobVertex vertex : graph.getVerticesSortedTopologicallyFromSources()) {
            int maxParallelism = vertex.getMaxParallelism() > 0 ? vertex.getMaxParallelism() : 128;
            vertices.add(new Vertex(
                    vertex.getID().toHexString(), vertex.getName(), vertex.getParallelism(), maxParallelism));
        }
        applyOverrides(vertices, graph.getJobConfiguration().get(PipelineOptions.PARALLELISM_OVERRIDES));
        Job job = new Job(graph.getJobID(), graph.getName(), vertices, clock.millis());
        String restorePath = graph.getSavepointRestoreSettings().getRestorePath();
        if (restorePath != null) {
            job.restored = Optional.of(new Snapshot(0, files.qualify(restorePath), true, clock.millis()));
        }
        jobs.put(job.id, job);
        if (jobFailure != null) {
            job.failure = jobFailure;
            finish(job, JobStatus.FAILED);
        }
        clock.advance(1);
        return job.id;
    }

    private Job requireRunning(JobID id) {
        Job job = jobs.get(id);
        if (job == null || job.status.isGloballyTerminalState()) {
            throw new IllegalStateException("Job " + id + " is not running");
        }
        return job;
    }

    private String takeSavepoint(Job job, String directory) {
        if (savepointFailure != null) {
            throw new IllegalStateException(savepointFailure);
        }
        String dir = directory != null ? directory : SAVEPOINT_DIR;
        String path = files.qualify(
                dir + "/savepoint-" + job.id.toString().substring(0, 6) + "-" + String.format("%012d", ++savepoints));
        completeSnapshot(job, path, true);
        return path;
    }

    private void completeSnapshot(Job job, String path, boolean savepoint) {
        clock.advance(1000);
        files.put(path + "/_metadata", "snapshot " + path);
        job.history.add(new Snapshot(job.history.size() + 1, path, savepoint, clock.millis()));
    }

    /**
     * FINISHED discards the job's checkpoints, CANCELED retains them (Flink's
     * RETAIN_ON_CANCELLATION); either way the JobManager archives the job's REST data.
     */
    private void finish(Job job, JobStatus status) {
        job.status = status;
        job.end = clock.millis();
        if (status == JobStatus.FINISHED) {
            job.history.removeIf(s -> !s.savepoint() && deleteSnapshot(s.path()));
        }
        String response = CheckpointStatisticsJson.response(job.history, job.restored);
        files.write(ARCHIVE_DIR + "/" + job.id, CheckpointStatisticsJson.archive(job.id, response));
        clock.advance(1);
        if (endsWithItsJob) {
            yarn.end(application, YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED);
        }
    }

    private boolean deleteSnapshot(String path) {
        files.delete(path + "/_metadata");
        return true;
    }

    private synchronized Collection<JobDetails> details() {
        List<JobDetails> details = new ArrayList<>();
        for (Job job : jobs.values()) {
            int[] perState = new int[ExecutionState.values().length];
            perState[(job.status == JobStatus.RUNNING ? ExecutionState.RUNNING : ExecutionState.FINISHED).ordinal()] =
                    job.tasks();
            details.add(new JobDetails(
                    job.id,
                    job.name,
                    job.start,
                    job.end,
                    Math.max(0, clock.millis() - job.start),
                    job.status,
                    clock.millis(),
                    perState,
                    job.tasks()));
        }
        return details;
    }

    private static JobResult resultOf(Job job) {
        JobResult.Builder result = new JobResult.Builder().jobId(job.id).netRuntime(1);
        if (job.status == JobStatus.FAILED) {
            return result.applicationStatus(ApplicationStatus.FAILED)
                    .serializedThrowable(new SerializedThrowable(new RuntimeException(
                            "Could not start the JobMaster.", new IllegalStateException(job.failure))))
                    .build();
        }
        return result.applicationStatus(ApplicationStatus.SUCCEEDED).build();
    }
}
