package dev.ferry.sandbox.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusFileTest {

    @TempDir
    Path dir;

    @Test
    void reportRoundTripsWithServicesInOrder() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("zookeeper", "localhost:2181");
        services.put("hdfs", "hdfs://localhost:9000");
        DaemonReport report = new DaemonReport(DaemonState.READY, 42, 43, services, "");
        Path file = dir.resolve("status.properties");

        StatusFile.write(file, report);

        assertThat(StatusFile.read(file)).contains(report);
        assertThat(StatusFile.read(file).orElseThrow().services().keySet()).containsExactly("zookeeper", "hdfs");
    }

    @Test
    void monitoringProcessIdsRoundTripSoThatADeadDaemonsChildrenCanBeStopped() {
        DaemonReport report = new DaemonReport(DaemonState.READY, 42, 43, Map.of(), "", List.of(44L, 45L, 46L));
        Path file = dir.resolve("status.properties");

        StatusFile.write(file, report);

        assertThat(StatusFile.read(file).orElseThrow().monitoringPids()).containsExactly(44L, 45L, 46L);
    }

    @Test
    void missingFileMeansNoReport() {
        assertThat(StatusFile.read(dir.resolve("absent.properties"))).isEmpty();
    }
}
