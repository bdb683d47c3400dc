package dev.ferry.launcher.rest;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the launcher asks of one Flink JobManager through its REST API. Calls are asynchronous, as
 * in Flink's own {@code RestClusterClient}: each caller bounds its wait with the deadline that
 * fits what it does (a listing with the REST timeout, a savepoint with the stop timeout).
 */
public interface JobManager extends AutoCloseable {

    /** Every job the dispatcher knows, ended ones included, as it reports them now. */
    CompletableFuture<Collection<JobDetails>> jobs();

    /** TaskManagers registered with the resource manager. */
    CompletableFuture<Integer> registeredTaskManagers();

    CompletableFuture<JobID> submit(JobGraph job);

    CompletableFuture<Void> cancel(JobID job);

    /** A canonical savepoint into {@code directory} (null: the cluster's savepoint directory); its path. */
    CompletableFuture<String> savepoint(JobID job, String directory);

    /** Stops the job with a canonical savepoint ({@code drain}: end of input first); the savepoint's path. */
    CompletableFuture<String> stopWithSavepoint(JobID job, boolean drain, String directory);

    /** The result of a job once it ended. */
    CompletableFuture<JobResult> result(JobID job);

    /** The job's vertices as its scheduler runs them now, sources first as Flink lists them. */
    CompletableFuture<List<RunningVertex>> vertices(JobID job);

    /**
     * Asks the job's scheduler to run its vertices at new parallelism without a savepoint round
     * trip (Flink's {@code PUT /jobs/<id>/resource-requirements}); completes with false, having
     * changed nothing, when the job's scheduler cannot (only the adaptive scheduler can).
     *
     * @param parallelism the new parallelism of every vertex of the job, by vertex id
     */
    CompletableFuture<Boolean> rescaleInPlace(JobID job, Map<String, Integer> parallelism);

    /** The job's checkpoint and savepoint history as Flink keeps it, whoever triggered them. */
    CompletableFuture<CheckpointHistory> checkpoints(JobID job);

    /**
     * A resource of Flink's REST API as JSON, e.g. {@code /jobs/<id>/vertices/<id>/watermarks}:
     * the documented, versioned interface that Flink's web UI reads too, for the views that have
     * no call of their own here (metrics, exceptions, watermarks).
     */
    CompletableFuture<JsonNode> get(String path);

    /** Asks the cluster to shut down (a session ends with it). */
    CompletableFuture<Void> shutDown();

    @Override
    void close();
}
