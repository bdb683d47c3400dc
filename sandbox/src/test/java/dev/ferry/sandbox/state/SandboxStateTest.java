package dev.ferry.sandbox.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxStateTest {

    @TempDir
    Path dir;

    @Test
    void firstStartChoosesDistinctFreePortsAndSavesThem() {
        Path file = dir.resolve("sandbox.properties");

        SandboxPorts ports = SandboxState.loadOrAllocatePorts(file);

        assertThat(file).exists();
        assertThat(ports.byName().values()).doesNotHaveDuplicates().allMatch(port -> port > 0);
    }

    @Test
    void laterStartsGetTheSamePortsBack() {
        Path file = dir.resolve("sandbox.properties");
        SandboxPorts first = SandboxState.loadOrAllocatePorts(file);

        SandboxPorts second = SandboxState.loadOrAllocatePorts(file);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void savedPortsRoundTrip() throws Exception {
        Path file = dir.resolve("nested").resolve("sandbox.properties");
        SandboxPorts ports = new SandboxPorts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

        SandboxState.savePorts(file, ports);

        assertThat(SandboxState.loadPorts(file)).isEqualTo(ports);
        assertThat(Files.readString(file)).contains("port.metastore=9");
    }

    @Test
    void aSandboxFromBeforeTheMonitoringStackKeepsItsPortsAndGetsNewOnesForIt() throws Exception {
        Path file = dir.resolve("sandbox.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "port.zookeeper=1",
                        "port.namenode.rpc=2",
                        "port.namenode.http=3",
                        "port.resourcemanager=4",
                        "port.resourcemanager.scheduler=5",
                        "port.resourcemanager.tracker=6",
                        "port.resourcemanager.admin=7",
                        "port.resourcemanager.web=8",
                        "port.metastore=9",
                        ""));

        SandboxPorts ports = SandboxState.loadOrAllocatePorts(file);

        assertThat(ports.metastore()).isEqualTo(9);
        assertThat(ports.byName().values()).doesNotHaveDuplicates();
        assertThat(List.of(ports.prometheus(), ports.alertmanager(), ports.pushgateway()))
                .allMatch(port -> port > 9);
        assertThat(SandboxState.loadPorts(file)).isEqualTo(ports);
    }
}
