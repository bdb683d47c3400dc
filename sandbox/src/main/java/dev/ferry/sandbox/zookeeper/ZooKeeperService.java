package dev.ferry.sandbox.zookeeper;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real single ZooKeeper 3.6 server inside this JVM, with its data kept in one directory. */
public final class ZooKeeperService implements AutoCloseable {

    /** With tickTime 2000 the server caps sessions at 40 s, as a default ZooKeeper does. */
    public static final int TICK_TIME_MS = 2000;

    private static final int MAX_CLIENT_CONNECTIONS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperService.class);

    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

    private ZooKeeperService(ZooKeeperServer server, ServerCnxnFactory connections) {
        this.server = server;
        this.connections = connections;
    }

    /** Starts a server on {@code port} (0 for any free one) keeping snapshots and logs in {@code dataDir}. */
    public static ZooKeeperService start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        ZooKeeperServer server = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_TIME_MS);
        ServerCnxnFactory connections =
                ServerCnxnFactory.createFactory(new InetSocketAddress(port), MAX_CLIENT_CONNECTIONS);
        try {
            connections.startup(server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.shutdown();
            throw new IOException("Interrupted while starting ZooKeeper", e);
        }
        ZooKeeperService service = new ZooKeeperService(server, connections);
        LOG.info("ZooKeeper listening on {}, data in {}", service.connectString(), dataDir);
        return service;
    }

    public int port() {
        return connections.getLocalPort();
    }

    public String connectString() {
        return "localhost:" + port();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
        LOG.info("ZooKeeper stopped");
    }
}
