package dev.ferry.tests;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JobManager's REST API, driven the way other clients drive it (Flink's CLI and web UI use the
 * same calls): savepoints, stop-with-savepoint and cancel without Ferry, and what the JobManager
 * reports about checkpoints and its configuration.
 */
final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String webUrl;

    FlinkRest(String webUrl) {
        this.webUrl = webUrl.replaceAll("/$", "");
    }

    /** {@code POST /jobs/:id/savepoints} into the cluster's default savepoint directory; the job keeps running. */
    String savepoint(String jobId) throws Exception {
        JsonNode trigger = send("POST", "/jobs/" + jobId + "/savepoints", "{\"cancel-job\": false}");
        return awaitSavepoint(jobId, trigger.get("request-id").asText());
    }

    /** {@code POST /jobs/:id/stop}: stop-with-savepoint (no drain), as {@code flink stop} does. */
    String stopWithSavepoint(String jobId) throws Exception {
        JsonNode trigger = send("POST", "/jobs/" + jobId + "/stop", "{\"drain\": false}");
        return awaitSavepoint(jobId, trigger.get("request-id").asText());
    }

    /** {@code PATCH /jobs/:id?mode=cancel}, then waits until the job is CANCELED. */
    void cancel(String jobId) throws Exception {
        send("PATCH", "/jobs/" + jobId + "?mode=cancel", null);
        await("job " + jobId + " CANCELED", () -> Optional.of(jobState(jobId)).filter("CANCELED"::equals));
    }

    /** The job's state from {@code /jobs/overview}, which asks the dispatcher afresh. */
    String jobState(String jobId) throws Exception {
        for (JsonNode job : get("/jobs/overview").get("jobs")) {
            if (job.get("jid").asText().equals(jobId)) {
                return job.get("state").asText();
            }
        }
        return "UNKNOWN";
    }

    /** {@code GET /jobs/:id/checkpoints}: counts, history, and the latest completed, savepoint and restored. */
    JsonNode checkpoints(String jobId) throws Exception {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    /** The external path of the checkpoint or savepoint the job restored when it started; empty if none. */
    Optional<String> restoredFrom(String jobId) throws Exception {
        JsonNode restored = checkpoints(jobId).path("latest").path("restored");
        return restored.isMissingNode() || restored.isNull()
                ? Optional.empty()
                : Optional.of(restored.get("external_path").asText());
    }

    /** Waits until the job's checkpoint statistics satisfy {@code condition}; returns them. */
    JsonNode awaitCheckpoints(String jobId, String what, Predicate<JsonNode> condition) throws Exception {
        return await(what, () -> Optional.of(checkpoints(jobId)).filter(condition));
    }

    /** One entry of {@code GET /jobmanager/config}, the configuration the JobManager runs with. */
    Optional<String> jobManagerConfig(String key) throws Exception {
        for (JsonNode entry : get("/jobmanager/config")) {
            if (entry.get("key").asText().equals(key)) {
                return Optional.of(entry.get("value").asText());
            }
        }
        return Optional.empty();
    }

    private String awaitSavepoint(String jobId, String triggerId) throws Exception {
        JsonNode done = await("savepoint " + triggerId + " of job " + jobId, () -> {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + triggerId);
            return Optional.of(status)
                    .filter(s -> s.get("status").get("id").asText().equals("COMPLETED"));
        });
        JsonNode operation = done.get("operation");
        assertThat(operation.has("location"))
                .as("savepoint failed: %s", operation)
                .isTrue();
        return operation.get("location").asText();
    }

    private JsonNode get(String path) throws Exception {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(webUrl + path)).timeout(REQUEST_TIMEOUT);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isBetween(200, 299);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    interface Probe<T> {
        Optional<T> poll() throws Exception;
    }

    private static <T> T await(String what, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + OPERATION_TIMEOUT.toNanos();
        while (true) {
            Optional<T> value = probe.poll();
            if (value.isPresent()) {
                return value.get();
            }
            assertThat(System.nanoTime())
                    .as("%s within %s", what, OPERATION_TIMEOUT)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
