package dev.ferry.sandbox.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds free TCP ports for services that start later, in another process.
 *
 * <p>The ports come from below the kernel's ephemeral range ({@code ip_local_port_range}). A port
 * the kernel hands out for {@code bind(0)} is ephemeral, so between choosing it and the service
 * binding it, any client connection or in-process server of the sandbox (YARN, HDFS, Flink's
 * TaskManagers) can take it: that race made Prometheus fail with "address already in use". Ports
 * outside the range are never handed out on their own, only to a program that asks for them.
 */
public final class PortAllocator {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range, for systems without the proc file. */
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    /** Below this live well-known services (databases, web servers) a machine may start later. */
    private static final int LOWEST = 10000;

    private PortAllocator() {}

    /**
     * Returns {@code count} distinct ports that are free right now, outside the ephemeral range.
     * All probe sockets stay open until every port is chosen, so no port is picked twice.
     */
    public static List<Integer> freePorts(int count) {
        int high = ephemeralLow(EPHEMERAL_RANGE);
        int span = high - LOWEST;
        int start = ThreadLocalRandom.current().nextInt(span);
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < span && ports.size() < count; i++) {
                int port = LOWEST + (start + i) % span;
                ServerSocket socket = tryBind(port);
                if (socket != null) {
                    held.add(socket);
                    ports.add(port);
                }
            }
            if (ports.size() < count) {
                throw new UncheckedIOException(new IOException(
                        "Could not find " + count + " free ports between " + LOWEST + " and " + (high - 1)));
            }
            return ports;
        } finally {
            held.forEach(PortAllocator::closeQuietly);
        }
    }

    /** True when nothing accepts or holds {@code port} on any local address. */
    public static boolean isFree(int port) {
        ServerSocket socket = tryBind(port);
        closeQuietly(socket);
        return socket != null;
    }

    /** The first port of the ephemeral range in {@code rangeFile}, or Linux's default. */
    static int ephemeralLow(Path rangeFile) {
        try {
            String[] bounds = Files.readString(rangeFile, StandardCharsets.US_ASCII)
                    .trim()
                    .split("\\s+");
            int low = Integer.parseInt(bounds[0]);
            return low > LOWEST + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static ServerSocket tryBind(int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            return null;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is free either way once the JVM lets go of it
        }
    }
}
