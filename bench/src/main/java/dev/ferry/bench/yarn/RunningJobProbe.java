package dev.ferry.bench.yarn;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The one way every bench decides "the job runs": all its tasks RUNNING in the JobManager's
 * {@code /jobs/overview}, which the dispatcher answers afresh ({@code /jobs/<id>} is cached for
 * {@code web.refresh-interval}, 3 s). Ferry and stock are measured by this same probe, plain HTTP,
 * against a clock the caller started before its submit call.
 */
public final class RunningJobProbe {

    /** Small against the sub-second times measured on a warm TaskManager. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Set<String> ENDED = Set.of("FAILED", "CANCELED", "FINISHED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Duration timeout;

    public RunningJobProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** Seconds from {@code startedNanos} until every task of the job runs. */
    public double secondsUntilRunning(String webUrl, String jobId, long startedNanos) throws InterruptedException {
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> job = job(webUrl, jobId);
            if (job.isPresent() && allTasksRunning(job.get())) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
            if (job.isPresent() && ENDED.contains(job.get().get("state").asText())) {
                throw new FerryException(
                        ExitCode.FAILURE,
                        "Job " + jobId + " ended " + job.get().get("state").asText() + " before it ran");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new FerryException(
                ExitCode.TIMEOUT, "Job " + jobId + " was not RUNNING within " + timeout.toSeconds() + "s at " + webUrl);
    }

    /** Whether every task of the job runs now; false also while the JobManager does not answer. */
    public boolean isRunning(String webUrl, String jobId) {
        return job(webUrl, jobId).map(RunningJobProbe::allTasksRunning).orElse(false);
    }

    /**
     * Waits until the cluster has a free slot on a registered TaskManager, e.g. after a cancel,
     * so that the next submit measures a warm TaskManager, not a slot still being freed.
     */
    public void awaitFreeSlot(String webUrl) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> overview = get(webUrl, "/overview");
            if (overview.isPresent() && overview.get().path("slots-available").asInt() > 0) {
                return;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new FerryException(ExitCode.TIMEOUT, "No free slot within " + timeout.toSeconds() + "s at " + webUrl);
    }

    /** Waits until the job has completed a checkpoint, so that a failover restores state. */
    public void awaitCompletedCheckpoint(String webUrl, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> checkpoints = get(webUrl, "/jobs/" + jobId + "/checkpoints");
            if (checkpoints.isPresent()
                    && checkpoints.get().path("counts").path("completed").asInt() > 0) {
                return;
            }
            Thread.sleep(POLL_INTERVAL.toMillis() * 10);
        }
        throw new FerryException(
                ExitCode.TIMEOUT,
                "Job " + jobId + " completed no checkpoint within " + timeout.toSeconds() + "s at " + webUrl);
    }

    /** A setting as the JobManager really runs with it, e.g. to show that a variant's option took effect. */
    public Optional<String> setting(String webUrl, String key) {
        return get(webUrl, "/jobmanager/config").flatMap(entries -> {
            for (JsonNode entry : entries) {
                if (entry.path("key").asText().equals(key)) {
                    return Optional.of(entry.path("value").asText());
                }
            }
            return Optional.empty();
        });
    }

    private Optional<JsonNode> job(String webUrl, String jobId) {
        return get(webUrl, "/jobs/overview").flatMap(overview -> {
            for (JsonNode job : overview.path("jobs")) {
                if (job.path("jid").asText().equals(jobId)) {
                    return Optional.of(job);
                }
            }
            return Optional.empty();
        });
    }

    private static boolean allTasksRunning(JsonNode job) {
        JsonNode tasks = job.path("tasks");
        return job.path("state").asText().equals("RUNNING")
                && tasks.path("total").asInt() > 0
                && tasks.path("running").asInt() == tasks.path("total").asInt();
    }

    /** The JSON answer, or empty while the JobManager is starting, failing over or not leader. */
    private Optional<JsonNode> get(String webUrl, String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(webUrl.replaceAll("/$", "") + path))
                            .timeout(REQUEST_TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException notAnswering) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
