package dev.ferry.launcher.logs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.testing.TestClock;
import dev.ferry.launcher.testing.TestingYarnCluster;
import dev.ferry.launcher.yarn.ContainerView;

import com.sun.net.httpserver.HttpServer;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a running container's logs from its NodeManager's web services, against a small HTTP
 * server that answers as a Hadoop 3.3 NodeManager does.
 */
class NodeManagerLogsTest {

    private static final String JOB_MANAGER = "container_1_0001_01_000001";
    private static final String LOG = "2026-12-07 10:00:00 INFO  Starting YarnSessionClusterEntrypoint\n"
            + "2026-12-07 10:00:01 INFO  Rest endpoint listening\n";

    private HttpServer nodeManager;
    private TestingYarnCluster yarn;
    private ApplicationReport session;

    @BeforeEach
    void givenANodeManagerServingTheJobManagersLog() throws IOException {
        nodeManager = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        nodeManager.createContext(
                "/ws/v1/node/containers/" + JOB_MANAGER + "/logs",
                exchange -> respond(
                        exchange,
                        "[{\"containerLogInfo\":[{\"fileName\":\"jobmanager.log\",\"fileSize\":\"" + LOG.length()
                                + "\",\"lastModifiedTime\":\"Mon Dec 07 10:00:01 UTC 2026\"}],\"logAggregationType\":"
                                + "\"LOCAL\",\"containerId\":\"" + JOB_MANAGER + "\",\"nodeId\":\"localhost:1\"}]"));
        nodeManager.createContext("/ws/v1/node/containerlogs/" + JOB_MANAGER + "/jobmanager.log", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            int size = Integer.parseInt(query.replace("size=", ""));
            respond(exchange, size < 0 ? LOG.substring(LOG.length() + size) : LOG.substring(0, size));
        });
        nodeManager.start();
        yarn = new TestingYarnCluster(new TestClock());
        session = yarn.runSession("analytics");
    }

    @AfterEach
    void stopTheNodeManager() {
        nodeManager.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void givenTheJobManagerAt(String nodeHttpAddress) {
        yarn.addContainer(
                session.getApplicationId(),
                new ContainerView(JOB_MANAGER, 1, true, "localhost", nodeHttpAddress, "RUNNING", null, ""));
    }

    private String address() {
        return "localhost:" + nodeManager.getAddress().getPort();
    }

    @Test
    void givenAnAddressWithItsScheme_asYarnReportsIt_whenTheLogIsRead_thenItsFilesAndTailAreServed() {
        givenTheJobManagerAt("http://" + address());
        NodeManagerLogs logs = new NodeManagerLogs(yarn, Duration.ofSeconds(2));

        List<LoggedContainer> containers = logs.containers(session);

        assertThat(containers).singleElement().satisfies(c -> {
            assertThat(c.jobManager()).isTrue();
            assertThat(c.files()).extracting(LoggedContainer.LogFile::name).containsExactly("jobmanager.log");
        });
        assertThat(logs.read(session, containers.get(0), "jobmanager.log", -25))
                .isEqualTo(LOG.substring(LOG.length() - 25))
                .endsWith("Rest endpoint listening\n");
    }

    @Test
    void givenAnAddressWithoutScheme_whenTheLogIsListed_thenHttpIsMeant() {
        givenTheJobManagerAt(address());

        assertThat(new NodeManagerLogs(yarn, Duration.ofSeconds(2)).containers(session))
                .hasSize(1);
    }

    @Test
    void givenAContainerItsNodeManagerNeverRan_whenTheLogsAreListed_thenItIsLeftOut() {
        // YARN lists a container Flink got beyond what it asked for and returned at once; the NodeManager answers 404.
        givenTheJobManagerAt("http://" + address());
        yarn.addContainer(
                session.getApplicationId(),
                new ContainerView(
                        "container_1_0001_01_000009",
                        1,
                        false,
                        "localhost",
                        "http://" + address(),
                        "COMPLETE",
                        -100,
                        "Container released by application"));

        List<LoggedContainer> containers = new NodeManagerLogs(yarn, Duration.ofSeconds(2)).containers(session);

        assertThat(containers).extracting(LoggedContainer::id).containsExactly(JOB_MANAGER);
    }

    @Test
    void givenNodeManagersThatKnowNoneOfItsContainers_whenTheLogsAreListed_thenTheyAreUnavailable() {
        // An embedded cluster's NodeManager answers 404 to every web service call.
        yarn.addContainer(
                session.getApplicationId(),
                new ContainerView(
                        "container_1_0001_01_000009",
                        1,
                        true,
                        "localhost",
                        "http://" + address(),
                        "RUNNING",
                        null,
                        ""));

        assertThatThrownBy(() -> new NodeManagerLogs(yarn, Duration.ofSeconds(2)).containers(session))
                .satisfies(failsWith(ExitCode.UNAVAILABLE, "know none of its 1 containers"));
    }

    @Test
    void givenANodeManagerThatIsGone_whenTheLogIsListed_thenItIsUnavailableNamingIt() {
        givenTheJobManagerAt("http://" + address());
        nodeManager.stop(0);

        assertThatThrownBy(() -> new NodeManagerLogs(yarn, Duration.ofSeconds(2)).containers(session))
                .satisfies(failsWith(ExitCode.UNAVAILABLE, "the NodeManager at http://" + address()));
    }
}
