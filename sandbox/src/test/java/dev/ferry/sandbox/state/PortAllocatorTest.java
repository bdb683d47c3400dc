package dev.ferry.sandbox.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortAllocatorTest {

    @Test
    void givenAnyMachine_whenPortsAreAllocated_thenTheyAreDistinctFreeAndBelowTheEphemeralRange() {
        int ephemeralLow = PortAllocator.ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

        List<Integer> ports = PortAllocator.freePorts(12);

        assertThat(ports).hasSize(12).doesNotHaveDuplicates().allSatisfy(port -> {
            assertThat(port).isBetween(10000, ephemeralLow - 1);
            assertThat(PortAllocator.isFree(port)).isTrue();
        });
    }

    @Test
    void givenAPortInUse_whenAskedIfFree_thenItIsNot() throws IOException {
        try (ServerSocket socket = new ServerSocket(PortAllocator.freePorts(1).get(0))) {
            assertThat(PortAllocator.isFree(socket.getLocalPort())).isFalse();
        }
    }

    @Test
    void givenTheKernelsRangeFile_whenRead_thenItsLowerBoundIsUsedAndNonsenseFallsBackToLinuxsDefault(@TempDir Path dir)
            throws IOException {
        Path range = dir.resolve("ip_local_port_range");

        Files.writeString(range, "40000\t60999\n");
        assertThat(PortAllocator.ephemeralLow(range)).isEqualTo(40000);

        Files.writeString(range, "1024 65535\n");
        assertThat(PortAllocator.ephemeralLow(range)).isEqualTo(32768);

        assertThat(PortAllocator.ephemeralLow(dir.resolve("missing"))).isEqualTo(32768);
    }
}
