package dev.ferry.launcher.logs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.logs.LoggedContainer.LogFile;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.yarn.ContainerView;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The logs of a running cluster's current JobManager and its TaskManagers, from Flink's REST API
 * ({@code /jobmanager/logs}, {@code /taskmanagers/<id>/logs}, what the web UI shows). It serves
 * whole files only, so it comes after the NodeManagers, which serve a file's end; and it knows
 * only the JobManager of the current attempt.
 */
public final class JobManagerLogs implements LogSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final YarnCluster yarn;
    private final HttpClient http;
    private final Duration timeout;

    public JobManagerLogs(YarnCluster yarn, Duration timeout) {
        this.yarn = yarn;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<LoggedContainer> containers(ApplicationReport application) {
        String url = restUrl(application);
        List<LoggedContainer> containers = new ArrayList<>();
        containers.add(new LoggedContainer(
                jobManagerContainer(application), attempt(application), true, files(get(url, "/jobmanager/logs"))));
        for (JsonNode taskManager : json(url, get(url, "/taskmanagers")).path("taskmanagers")) {
            String id = taskManager.path("id").asText();
            containers.add(new LoggedContainer(
                    id, attempt(application), false, files(get(url, "/taskmanagers/" + encoded(id) + "/logs"))));
        }
        return containers;
    }

    @Override
    public String read(ApplicationReport application, LoggedContainer container, String file, long offset) {
        String url = restUrl(application);
        String path = container.jobManager()
                ? "/jobmanager/logs/" + encoded(file)
                : "/taskmanagers/" + encoded(container.id()) + "/logs/" + encoded(file);
        byte[] content = send(url, path, HttpResponse.BodyHandlers.ofByteArray());
        int from = offset < 0 ? (int) Math.max(0, content.length + offset) : (int) Math.min(offset, content.length);
        return new String(Arrays.copyOfRange(content, from, content.length), StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return "the JobManager's REST API";
    }

    private static String restUrl(ApplicationReport application) {
        String url = JobManagers.webUrl(application);
        if (application.getYarnApplicationState() != YarnApplicationState.RUNNING || url.isEmpty()) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE, "no JobManager runs (" + application.getYarnApplicationState() + ")");
        }
        return url;
    }

    /** The current attempt's JobManager container, as YARN lists it; a stand-in name where YARN lists none. */
    private String jobManagerContainer(ApplicationReport application) {
        return yarn.containers(application.getApplicationId()).stream()
                .filter(c -> c.jobManager() && !c.completed())
                .map(ContainerView::id)
                .findFirst()
                .orElse("jobmanager");
    }

    private static int attempt(ApplicationReport application) {
        return application.getCurrentApplicationAttemptId() == null
                ? 1
                : application.getCurrentApplicationAttemptId().getAttemptId();
    }

    private static List<LogFile> files(String listing) {
        List<LogFile> files = new ArrayList<>();
        try {
            for (JsonNode file : JSON.readTree(listing).path("logs")) {
                files.add(new LogFile(
                        file.path("name").asText(), file.path("size").asLong(0)));
            }
        } catch (IOException e) {
            throw new FerryException(ExitCode.UNAVAILABLE, "answered what is not JSON: " + e.getMessage(), e);
        }
        return files;
    }

    private static JsonNode json(String url, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new FerryException(ExitCode.UNAVAILABLE, url + " answered what is not JSON: " + e.getMessage(), e);
        }
    }

    private String get(String url, String path) {
        return send(url, path, HttpResponse.BodyHandlers.ofString());
    }

    private <T> T send(String url, String path, HttpResponse.BodyHandler<T> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(timeout)
                .GET()
                .build();
        try {
            HttpResponse<T> response = http.send(request, body);
            if (response.statusCode() != 200) {
                throw new FerryException(
                        ExitCode.UNAVAILABLE, url + " answered " + response.statusCode() + " for " + path);
            }
            return response.body();
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE, url + " did not answer: " + FerryException.rootCauseMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while reading logs from " + url, e);
        }
    }

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
