package dev.ferry.launcher.rest;

import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobResourceRequirements;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.runtime.messages.webmonitor.MultipleJobsDetails;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.JobMessageParameters;
import org.apache.flink.runtime.rest.messages.JobsOverviewHeaders;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatisticsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobResourceRequirementsHeaders;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.util.ExceptionUtils;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@link JobManager} over Flink's {@link RestClusterClient}. */
final class RestJobManager implements JobManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClusterClient<ApplicationId> client;
    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    RestJobManager(RestClusterClient<ApplicationId> client, HttpClient http, URI base, Duration timeout) {
        this.client = client;
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    /** {@code /jobs/overview}: the dispatcher answers it afresh, unlike {@code /jobs/<id>} (cached for seconds). */
    @Override
    public CompletableFuture<Collection<JobDetails>> jobs() {
        return client.sendRequest(
                        JobsOverviewHeaders.getInstance(),
                        EmptyMessageParameters.getInstance(),
                        EmptyRequestBody.getInstance())
                .thenApply(MultipleJobsDetails::getJobs);
    }

    @Override
    public CompletableFuture<Integer> registeredTaskManagers() {
        return client.getClusterOverview().thenApply(overview -> overview.getNumTaskManagersConnected());
    }

    @Override
    public CompletableFuture<JobID> submit(JobGraph job) {
        return client.submitJob(job);
    }

    @Override
    public CompletableFuture<Void> cancel(JobID job) {
        return client.cancel(job).thenApply(ack -> null);
    }

    @Override
    public CompletableFuture<String> savepoint(JobID job, String directory) {
        return client.triggerSavepoint(job, directory, SavepointFormatType.CANONICAL);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(JobID job, boolean drain, String directory) {
        return client.stopWithSavepoint(job, drain, directory, SavepointFormatType.CANONICAL);
    }

    @Override
    public CompletableFuture<JobResult> result(JobID job) {
        return client.requestJobResult(job);
    }

    @Override
    public CompletableFuture<List<RunningVertex>> vertices(JobID job) {
        return client.getJobDetails(job)
                .thenApply(details -> details.getJobVertexInfos().stream()
                        .map(vertex -> new RunningVertex(
                                vertex.getJobVertexID().toHexString(),
                                vertex.getName(),
                                vertex.getParallelism(),
                                vertex.getMaxParallelism()))
                        .toList());
    }

    /**
     * Reads the job's resource requirements first: Flink's schedulers other than the adaptive one
     * refuse that read with an {@code UnsupportedOperationException} ("does not support changing
     * the parallelism without a job restart"), which is the one sign of whether a job can be
     * rescaled in place that Flink 1.20's REST API gives. Pinned by the rescale tests of {@code
     * JobLifecycleIT}: a Flink upgrade that words it otherwise fails them.
     */
    @Override
    public CompletableFuture<Boolean> rescaleInPlace(JobID job, Map<String, Integer> parallelism) {
        JobMessageParameters parameters = JobResourceRequirementsHeaders.INSTANCE.getUnresolvedMessageParameters();
        parameters.jobPathParameter.resolve(job);
        return client.sendRequest(JobResourceRequirementsHeaders.INSTANCE, parameters, EmptyRequestBody.getInstance())
                .handle((current, failure) -> {
                    if (failure == null) {
                        return true;
                    }
                    if (schedulerCannotRescale(failure)) {
                        return false;
                    }
                    throw new CompletionException(failure);
                })
                .thenCompose(supported -> supported
                        ? client.updateJobResourceRequirements(job, requirements(parallelism))
                                .thenApply(ack -> true)
                        : CompletableFuture.completedFuture(false));
    }

    private static boolean schedulerCannotRescale(Throwable failure) {
        String text = ExceptionUtils.stringifyException(failure);
        return text.contains("UnsupportedOperationException")
                && text.contains("does not support changing the parallelism");
    }

    /** Each vertex may run at fewer than asked (down to one) while the slots for all are not there yet. */
    private static JobResourceRequirements requirements(Map<String, Integer> parallelism) {
        JobResourceRequirements.Builder builder = JobResourceRequirements.newBuilder();
        parallelism.forEach((vertex, p) -> builder.setParallelismForJobVertex(JobVertexID.fromHexString(vertex), 1, p));
        return builder.build();
    }

    @Override
    public CompletableFuture<CheckpointHistory> checkpoints(JobID job) {
        JobMessageParameters parameters =
                CheckpointingStatisticsHeaders.getInstance().getUnresolvedMessageParameters();
        parameters.jobPathParameter.resolve(job);
        return client.sendRequest(
                        CheckpointingStatisticsHeaders.getInstance(), parameters, EmptyRequestBody.getInstance())
                .thenApply(CheckpointStatisticsMapping::toHistory);
    }

    @Override
    public CompletableFuture<JsonNode> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.statusCode() + ": " + firstLine(response.body()));
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String firstLine(String body) {
        return body == null ? "" : body.lines().findFirst().orElse("");
    }

    @Override
    public CompletableFuture<Void> shutDown() {
        client.shutDownCluster();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        client.close();
    }
}
