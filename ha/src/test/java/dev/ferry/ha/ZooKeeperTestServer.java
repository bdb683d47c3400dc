package dev.ferry.ha;

import dev.ferry.ha.zookeeper.HaPaths;
import dev.ferry.ha.zookeeper.ZooKeeperConnector;
import dev.ferry.ha.zookeeper.ZooKeeperSettings;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One real ZooKeeper 3.6.3 server per test class (Curator's TestingServer, same versions as production);
 * each test gets its own Ferry root so tests never see each other's znodes.
 */
public abstract class ZooKeeperTestServer {

    protected static TestingServer server;

    private final List<CuratorFramework> clients = new ArrayList<>();
    protected HaPaths paths;
    protected ZooKeeperSettings settings;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestingServer(true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void newRoot() {
        settings = ZooKeeperSettings.of(server.getConnectString())
                .withRoot("/ferry-" + UUID.randomUUID())
                .withConnectionTimeout(Duration.ofSeconds(5));
        paths = HaPaths.of(settings);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(CuratorFramework::close);
    }

    /** A connected client with this test's settings, closed after the test. */
    protected CuratorFramework connect() {
        return connect(settings);
    }

    protected CuratorFramework connect(ZooKeeperSettings clientSettings) {
        CuratorFramework client = ZooKeeperConnector.connect(clientSettings);
        clients.add(client);
        return client;
    }
}
