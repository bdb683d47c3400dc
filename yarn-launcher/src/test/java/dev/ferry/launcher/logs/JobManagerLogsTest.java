package dev.ferry.launcher.logs;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.testing.TestClock;
import dev.ferry.launcher.testing.TestingYarnCluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.util.Records;
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

/** Reading a running cluster's logs from Flink's REST API, against a server answering as Flink 1.20's does. */
class JobManagerLogsTest {

    private static final String TASK_MANAGER = "container_1_0001_01_000002";
    private static final String JOB_MANAGER_LOG = "INFO  Starting YarnSessionClusterEntrypoint\nINFO  ready\n";
    private static final String TASK_MANAGER_LOG = "INFO  Starting YarnTaskExecutorRunner\n";

    private HttpServer flink;
    private ApplicationReport session;

    @BeforeEach
    void givenAJobManagerAndOneTaskManager() throws IOException {
        flink = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        flink.createContext(
                "/jobmanager/logs",
                exchange -> respond(
                        exchange,
                        exchange.getRequestURI().getPath().equals("/jobmanager/logs")
                                ? "{\"logs\":[{\"name\":\"jobmanager.log\",\"size\":" + JOB_MANAGER_LOG.length()
                                        + ",\"mtime\":1}]}"
                                : JOB_MANAGER_LOG));
        flink.createContext(
                "/taskmanagers",
                exchange -> respond(
                        exchange,
                        switch (exchange.getRequestURI().getPath()) {
                            case "/taskmanagers" -> "{\"taskmanagers\":[{\"id\":\"" + TASK_MANAGER + "\"}]}";
                            case "/taskmanagers/" + TASK_MANAGER + "/logs" ->
                                "{\"logs\":[{\"name\":\"taskmanager.log\"," + "\"size\":" + TASK_MANAGER_LOG.length()
                                        + ",\"mtime\":1}]}";
                            default -> TASK_MANAGER_LOG;
                        }));
        flink.start();
        session = running("localhost", flink.getAddress().getPort());
    }

    @AfterEach
    void stopFlink() {
        flink.stop(0);
    }

    private static ApplicationReport running(String host, int port) {
        ApplicationId id = ApplicationId.newInstance(1, 1);
        ApplicationReport report = Records.newRecord(ApplicationReport.class);
        report.setApplicationId(id);
        report.setCurrentApplicationAttemptId(ApplicationAttemptId.newInstance(id, 2));
        report.setYarnApplicationState(YarnApplicationState.RUNNING);
        report.setHost(host);
        report.setRpcPort(port);
        return report;
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JobManagerLogs logs() {
        return new JobManagerLogs(new TestingYarnCluster(new TestClock()), Duration.ofSeconds(2));
    }

    @Test
    void givenARunningCluster_whenListed_thenItsCurrentJobManagerAndItsTaskManagersHaveTheirFiles() {
        List<LoggedContainer> containers = logs().containers(session);

        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).jobManager()).isTrue();
        assertThat(containers.get(0).attempt()).isEqualTo(2);
        assertThat(containers.get(1).id()).isEqualTo(TASK_MANAGER);
        assertThat(containers.get(1).files())
                .extracting(LoggedContainer.LogFile::name)
                .containsExactly("taskmanager.log");
    }

    @Test
    void givenAnOffset_whenAFileIsRead_thenWhatLiesPastItOrTheEndIsReturned() {
        List<LoggedContainer> containers = logs().containers(session);

        assertThat(logs().read(session, containers.get(0), "jobmanager.log", -6))
                .isEqualTo("ready\n");
        assertThat(logs().read(session, containers.get(1), "taskmanager.log", 6))
                .isEqualTo("Starting YarnTaskExecutorRunner\n");
    }

    @Test
    void givenAJobManagerThatIsGone_whenListed_thenItIsUnavailable() {
        flink.stop(0);

        assertThatThrownBy(() -> logs().containers(session))
                .satisfies(failsWith(ExitCode.UNAVAILABLE, "did not answer"));
    }
}
