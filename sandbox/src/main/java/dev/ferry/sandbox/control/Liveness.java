package dev.ferry.sandbox.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;

/** Checks for real whether a process and a port are alive. */
final class Liveness {

    private static final int CONNECT_TIMEOUT_MS = 500;

    private Liveness() {}

    /** The live process {@code pid}, if it is one; a reused pid of another program does not count. */
    static Optional<ProcessHandle> process(long pid, String expectedInCommandLine) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> line.contains(expectedInCommandLine))
                        // Some systems hide command lines: then trust the pid.
                        .orElse(true));
    }

    /** Whether something accepts TCP connections at {@code address} ("host:port" or a URI with host and port). */
    static boolean accepts(String address) {
        Optional<InetSocketAddress> socketAddress = parse(address);
        if (socketAddress.isEmpty()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(socketAddress.get(), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<InetSocketAddress> parse(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(address.contains("://") ? address : "tcp://" + address);
        if (uri.getHost() == null || uri.getPort() < 0) {
            return Optional.empty();
        }
        return Optional.of(new InetSocketAddress(uri.getHost(), uri.getPort()));
    }
}
