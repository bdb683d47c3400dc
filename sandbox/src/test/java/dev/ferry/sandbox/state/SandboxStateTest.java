package dev.ferry.sandbox.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
        SandboxPorts ports = new SandboxPorts(1, 2, 3, 4, 5, 6, 7, 8, 9);

        SandboxState.savePorts(file, ports);

        assertThat(SandboxState.loadPorts(file)).isEqualTo(ports);
        assertThat(Files.readString(file)).contains("port.metastore=9");
    }
}
