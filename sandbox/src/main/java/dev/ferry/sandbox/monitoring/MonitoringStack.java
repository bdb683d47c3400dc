package dev.ferry.sandbox.monitoring;

import dev.ferry.sandbox.process.JavaProcesses;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus, Alertmanager and a Pushgateway as local processes: the sandbox's monitoring, and the
 * real servers of the monitoring integration test. Configured from {@link MonitoringSettings} on
 * every start; Prometheus's and Alertmanager's data stay in its data directory.
 */
public final class MonitoringStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringStack.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final MonitoringSettings settings;
    private final Map<String, Process> processes;

    private MonitoringStack(MonitoringSettings settings, Map<String, Process> processes) {
        this.settings = settings;
        this.processes = processes;
    }

    /**
     * Writes the configuration, starts the three servers and waits until each reports itself
     * ready ({@code /-/ready}); stops those already started when one fails.
     */
    public static MonitoringStack start(MonitoringBinaries binaries, MonitoringSettings settings, Duration timeout)
            throws IOException, InterruptedException {
        for (Path dir : List.of(settings.configDir(), settings.rulesDir(), settings.dataDir(), settings.logDir())) {
            Files.createDirectories(dir);
        }
        Path prometheusConfig = settings.configDir().resolve("prometheus.yml");
        Path alertmanagerConfig = settings.configDir().resolve("alertmanager.yml");
        Files.writeString(prometheusConfig, MonitoringConfigs.prometheus(settings));
        Files.writeString(alertmanagerConfig, MonitoringConfigs.alertmanager(settings));

        Map<String, Process> started = new LinkedHashMap<>();
        MonitoringStack stack = new MonitoringStack(settings, started);
        try {
            started.put(
                    "pushgateway",
                    launch(
                            settings,
                            "pushgateway",
                            binaries.pushgateway().toString(),
                            "--web.listen-address=localhost:" + settings.pushgatewayPort(),
                            // In memory only. Debian's default file is shared by every Pushgateway of
                            // the machine, and groups of containers a restart ended would come back.
                            "--persistence.file="));
            started.put(
                    "alertmanager",
                    launch(
                            settings,
                            "alertmanager",
                            binaries.alertmanager().toString(),
                            "--config.file=" + alertmanagerConfig,
                            "--storage.path=" + settings.dataDir().resolve("alertmanager"),
                            "--web.listen-address=localhost:" + settings.alertmanagerPort(),
                            // One Alertmanager, no peers: its gossip port would be a fixed 9094.
                            "--cluster.listen-address="));
            started.put(
                    "prometheus",
                    launch(
                            settings,
                            "prometheus",
                            binaries.prometheus().toString(),
                            "--config.file=" + prometheusConfig,
                            "--storage.tsdb.path=" + settings.dataDir().resolve("prometheus"),
                            "--storage.tsdb.retention.time=7d",
                            "--web.listen-address=localhost:" + settings.prometheusPort(),
                            // POST /-/reload then reads rules rendered again, without a restart.
                            "--web.enable-lifecycle"));
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Map.Entry<String, String> service : stack.addresses().entrySet()) {
                stack.awaitReady(service.getKey(), service.getValue(), deadline);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
        LOG.info("Monitoring up: {}", stack.addresses());
        return stack;
    }

    private static Process launch(MonitoringSettings settings, String name, String... command) throws IOException {
        Path log = settings.logDir().resolve(name + ".log");
        return new ProcessBuilder(command)
                .directory(settings.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    private void awaitReady(String name, String url, long deadline) throws IOException, InterruptedException {
        Process process = processes.get(name);
        while (!ready(url)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + " while starting; see "
                        + settings.logDir().resolve(name + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " was not ready at " + url + " in time; see "
                        + settings.logDir().resolve(name + ".log"));
            }
            Thread.sleep(200);
        }
    }

    private static boolean ready(String url) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/-/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Service name to URL, in start order. */
    public Map<String, String> addresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("pushgateway", settings.pushgatewayUrl());
        addresses.put("alertmanager", settings.alertmanagerUrl());
        addresses.put("prometheus", settings.prometheusUrl());
        return addresses;
    }

    /** Process ids, so that a sandbox whose daemon died can stop them. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        processes.values().forEach(process -> pids.add(process.pid()));
        return pids;
    }

    /** Stops one server, e.g. to show that jobs run on without it; {@link #close()} does nothing more to it. */
    public void stop(String service) throws InterruptedException {
        Process process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException("No service " + service + "; there are " + processes.keySet());
        }
        JavaProcesses.terminate(process, STOP_GRACE);
    }

    @Override
    public void close() {
        List<Process> reversed = new ArrayList<>(processes.values());
        Collections.reverse(reversed);
        for (Process process : reversed) {
            try {
                JavaProcesses.terminate(process, STOP_GRACE);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.values().forEach(process -> {
            try {
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
