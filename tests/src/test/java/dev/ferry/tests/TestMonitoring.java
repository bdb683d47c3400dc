package dev.ferry.tests;

import dev.ferry.launcher.monitoring.AlertRules;
import dev.ferry.sandbox.monitoring.MonitoringBinaries;
import dev.ferry.sandbox.monitoring.MonitoringSettings;
import dev.ferry.sandbox.monitoring.MonitoringStack;
import dev.ferry.sandbox.state.PortAllocator;

import com.sun.net.httpserver.HttpServer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.util.FileUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Prometheus, Alertmanager and Pushgateway (the sandbox's {@link MonitoringStack}) for an
 * integration suite, with Ferry's rules, and the webhook receiver Alertmanager posts to: a small
 * HTTP server here that keeps every alert it is sent. Quick on purpose: containers push every 2 s,
 * Prometheus scrapes and evaluates every second, Alertmanager sends a new alert after 1 s.
 */
final class TestMonitoring implements AutoCloseable {

    /** What the suite's clusters are deployed with. */
    private static final Duration PUSH_INTERVAL = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final MonitoringStack stack;
    private final MonitoringSettings settings;
    private final HttpServer webhook;
    private final List<JsonNode> alerts;

    private TestMonitoring(
            MonitoringStack stack, MonitoringSettings settings, HttpServer webhook, List<JsonNode> alerts) {
        this.stack = stack;
        this.settings = settings;
        this.webhook = webhook;
        this.alerts = alerts;
    }

    /**
     * Installs the Debian packages when they are missing (sandbox/bin/install-monitoring.sh, as CI
     * does up front), then starts everything below {@code dir}, emptied first: Alertmanager's
     * notification log from an earlier run would otherwise hold back the same alerts for its
     * repeat interval (4 h).
     */
    static TestMonitoring start(Path dir) throws Exception {
        FileUtils.deleteDirectory(dir.toFile());
        MonitoringBinaries binaries = MonitoringBinaries.find().orElseGet(TestMonitoring::install);
        List<JsonNode> alerts = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode notification = JSON.readTree(body);
                notification.get("alerts").forEach(alerts::add);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        List<Integer> ports = PortAllocator.freePorts(3);
        MonitoringSettings settings = new MonitoringSettings(
                dir,
                dir.resolve("rules"),
                dir.resolve("data"),
                dir.resolve("log"),
                ports.get(0),
                ports.get(1),
                ports.get(2),
                "http://localhost:" + webhook.getAddress().getPort() + "/alerts",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        try {
            Files.createDirectories(settings.rulesDir());
            Files.writeString(
                    settings.rulesDir().resolve("ferry-alerts.yml"),
                    AlertRules.render(Configuration.fromMap(Map.of(
                            "ferry.metrics.push-interval",
                            PUSH_INTERVAL.toSeconds() + " s",
                            "ferry.alerts.restarts.window",
                            "1 min"))));
            return new TestMonitoring(
                    MonitoringStack.start(binaries, settings, Duration.ofMinutes(1)), settings, webhook, alerts);
        } catch (Exception e) {
            webhook.stop(0);
            throw e;
        }
    }

    private static MonitoringBinaries install() {
        Path script = Path.of("..", "sandbox", "bin", "install-monitoring.sh")
                .toAbsolutePath()
                .normalize();
        try {
            Process install =
                    new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException(script + " failed: Prometheus, Alertmanager and the Pushgateway are"
                        + " needed (run it as root)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script, e);
        }
        return MonitoringBinaries.find()
                .orElseThrow(() -> new IllegalStateException(script + " ran, but the servers are not on the PATH"));
    }

    /** The ferry.yaml settings that make the suite's clusters push here. */
    Map<String, String> ferrySettings() {
        return Map.of(
                "ferry.metrics.pushgateway.url",
                settings.pushgatewayUrl(),
                "ferry.metrics.push-interval",
                PUSH_INTERVAL.toSeconds() + "s");
    }

    /** Prometheus's answer to an instant query: the result vector, empty when nothing matches. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        URI uri = URI.create(
                settings.prometheusUrl() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        return getJson(uri).path("data").path("result");
    }

    private static JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Waits until {@code promql} has a result. */
    JsonNode awaitQuery(String promql, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode result = query(promql);
            if (result.size() > 0) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Prometheus had no result for " + promql + " within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** Waits until the webhook received a firing alert that {@code wanted} accepts; returns it. */
    JsonNode awaitAlert(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> alert = alerts.stream()
                    .filter(a -> a.path("status").asText().equals("firing"))
                    .filter(wanted)
                    .findFirst();
            if (alert.isPresent()) {
                return alert.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No such alert at the webhook within " + timeout + "; it received " + alerts
                        + "; Alertmanager holds " + alertmanagerAlerts());
            }
            Thread.sleep(500);
        }
    }

    /** What Alertmanager holds now (name, job, state), to tell a lost notification from an alert never raised. */
    private String alertmanagerAlerts() {
        try {
            List<String> held = new ArrayList<>();
            getJson(URI.create(settings.alertmanagerUrl() + "/api/v2/alerts"))
                    .forEach(a -> held.add(a.path("labels").path("alertname").asText() + "/"
                            + a.path("labels").path("job_name").asText() + " "
                            + a.path("status").path("state").asText() + " since "
                            + a.path("startsAt").asText()));
            return held.toString();
        } catch (IOException e) {
            return "(not reachable: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** Stops Prometheus, Alertmanager and the Pushgateway, as an outage would. */
    void stopServers() throws InterruptedException {
        for (String service : List.of("prometheus", "alertmanager", "pushgateway")) {
            stack.stop(service);
        }
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            webhook.stop(0);
        }
    }
}
