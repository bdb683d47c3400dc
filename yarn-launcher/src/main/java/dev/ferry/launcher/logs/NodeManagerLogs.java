package dev.ferry.launcher.logs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.logs.LoggedContainer.LogFile;
import dev.ferry.launcher.yarn.ContainerView;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logs of a running application's containers, read from the NodeManagers' web services
 * ({@code /ws/v1/node/containers/<id>/logs} lists a container's files, {@code
 * /ws/v1/node/containerlogs/<id>/<file>?size=N} serves a file's first N bytes, or with N below 0 its
 * last -N), the way {@code yarn logs} reads a running application. A container that completed while its application runs (a
 * JobManager attempt that died, a lost TaskManager) is served too: its NodeManager keeps its logs
 * until the application ends.
 */
public final class NodeManagerLogs implements LogSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final YarnCluster yarn;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, String> addressOfContainer = new ConcurrentHashMap<>();

    public NodeManagerLogs(YarnCluster yarn, Duration timeout) {
        this.yarn = yarn;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public List<LoggedContainer> containers(ApplicationReport application) {
        List<LoggedContainer> containers = new ArrayList<>();
        List<ContainerView> listed = yarn.containers(application.getApplicationId()).stream()
                .filter(container -> !container.nodeHttpAddress().isEmpty())
                .toList();
        for (ContainerView container : listed) {
            Optional<List<LogFile>> files = files(container);
            if (files.isEmpty()) {
                continue;
            }
            addressOfContainer.put(container.id(), container.nodeHttpAddress());
            containers.add(
                    new LoggedContainer(container.id(), container.attempt(), container.jobManager(), files.get()));
        }
        if (containers.isEmpty() && !listed.isEmpty()) {
            // Not one container known: these NodeManagers serve no container web services (e.g. an
            // embedded cluster, where the ResourceManager's web app in the same JVM shadows theirs).
            throw new FerryException(
                    ExitCode.UNAVAILABLE,
                    "the NodeManagers know none of its " + listed.size() + " containers (404 from "
                            + listed.get(0).nodeHttpAddress() + ")");
        }
        containers.sort(Comparator.comparing((LoggedContainer c) -> !c.jobManager())
                .thenComparingInt(LoggedContainer::attempt)
                .thenComparing(LoggedContainer::id));
        return containers;
    }

    /**
     * The container's files; empty when its NodeManager does not know it: YARN lists containers that
     * never ran there (Flink returns the ones it got beyond what it asked for at once).
     */
    private Optional<List<LogFile>> files(ContainerView container) {
        String path = "/ws/v1/node/containers/" + container.id() + "/logs";
        HttpResponse<String> response = send(container.nodeHttpAddress(), path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        String body = bodyOf(response, container.nodeHttpAddress(), path);
        List<LogFile> files = new ArrayList<>();
        try {
            collectFiles(JSON.readTree(body), files);
        } catch (IOException e) {
            throw unavailable(container.nodeHttpAddress(), "answered what is not JSON: " + e.getMessage());
        }
        return Optional.of(files);
    }

    /** The listing nests file entries in wrappers that differ between Hadoop versions: take every fileName. */
    private static void collectFiles(JsonNode node, List<LogFile> files) {
        if (node.has("fileName")) {
            files.add(new LogFile(
                    node.path("fileName").asText(), node.path("fileSize").asLong(0)));
            return;
        }
        node.forEach(child -> collectFiles(child, files));
    }

    @Override
    public String read(ApplicationReport application, LoggedContainer container, String file, long offset) {
        String address = addressOfContainer.get(container.id());
        String path = "/ws/v1/node/containerlogs/" + container.id() + "/" + file;
        if (offset < 0) {
            return get(address, path + "?size=" + offset);
        }
        // The web service reads from the start or the end only: what lies past offset is the end's.
        long size = container.files().stream()
                .filter(f -> f.name().equals(file))
                .mapToLong(LogFile::size)
                .findFirst()
                .orElse(0);
        return size <= offset ? "" : get(address, path + "?size=-" + (size - offset));
    }

    @Override
    public String describe() {
        return "the NodeManagers' web services";
    }

    private String get(String nodeAddress, String path) {
        return bodyOf(send(nodeAddress, path), nodeAddress, path);
    }

    private HttpResponse<String> send(String nodeAddress, String path) {
        // YARN's container reports give the address with its scheme (http:// or https://, as the cluster serves).
        String address = nodeAddress.contains("://") ? nodeAddress : "http://" + nodeAddress;
        HttpRequest request = HttpRequest.newBuilder(URI.create(address + path))
                .timeout(timeout)
                .header("Accept", "application/json,text/plain")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(address, FerryException.rootCauseMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while reading logs from " + address, e);
        }
    }

    private static String bodyOf(HttpResponse<String> response, String address, String path) {
        if (response.statusCode() != 200) {
            throw unavailable(address, "answered " + response.statusCode() + " for " + path);
        }
        return response.body();
    }

    private static FerryException unavailable(String address, String why) {
        return new FerryException(
                ExitCode.UNAVAILABLE, "the NodeManager at " + address + " did not serve logs: " + why);
    }
}
