package dev.ferry.sandbox.status;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes the daemon's status file. Writes go through a temporary file and an
 * atomic rename so that a reader never sees half a file.
 */
public final class StatusFile {

    private static final String SERVICE_PREFIX = "service.";

    private StatusFile() {}

    public static void write(Path file, DaemonReport report) {
        Properties properties = new Properties();
        properties.setProperty("state", report.state().name());
        properties.setProperty("pid", String.valueOf(report.pid()));
        properties.setProperty("metastore.pid", String.valueOf(report.metastorePid()));
        properties.setProperty("message", report.message());
        properties.setProperty(
                "monitoring.pids",
                String.join(
                        ",",
                        report.monitoringPids().stream().map(String::valueOf).toList()));
        int index = 0;
        for (Map.Entry<String, String> service : report.services().entrySet()) {
            properties.setProperty(SERVICE_PREFIX + index + ".name", service.getKey());
            properties.setProperty(SERVICE_PREFIX + index + ".address", service.getValue());
            index++;
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Ferry sandbox daemon status");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report in {@code file}, or empty when there is none. */
    public static Optional<DaemonReport> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> services = new LinkedHashMap<>();
        for (int index = 0; properties.containsKey(SERVICE_PREFIX + index + ".name"); index++) {
            services.put(
                    properties.getProperty(SERVICE_PREFIX + index + ".name"),
                    properties.getProperty(SERVICE_PREFIX + index + ".address"));
        }
        return Optional.of(new DaemonReport(
                DaemonState.valueOf(properties.getProperty("state", DaemonState.STOPPED.name())),
                Long.parseLong(properties.getProperty("pid", "-1")),
                Long.parseLong(properties.getProperty("metastore.pid", "-1")),
                services,
                properties.getProperty("message", ""),
                Arrays.stream(properties.getProperty("monitoring.pids", "").split(","))
                        .filter(pid -> !pid.isBlank())
                        .map(pid -> Long.parseLong(pid.strip()))
                        .toList()));
    }
}
