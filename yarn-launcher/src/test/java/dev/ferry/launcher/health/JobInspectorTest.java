package dev.ferry.launcher.health;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;
import dev.ferry.launcher.yarn.ContainerView;

import org.apache.flink.api.common.JobID;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobInspectorTest {

    @TempDir
    Path dir;

    @Test
    void givenAJobOfAnotherClientInASession_whenInspectedByItsFlinkName_thenItsHealthAndItsClustersContainersAreRead()
            throws Exception {
        TestingServices services = new TestingServices(dir);
        ApplicationReport session = services.yarn.runSession("analytics");
        TestingFlinkCluster flink = services.jobManagers.cluster(session);
        JobID job = flink.runJob("nightly-report");
        flink.respond(
                "/jobs/" + job,
                new ObjectMapper().readTree("{\"name\":\"nightly-report\",\"state\":\"RUNNING\",\"vertices\":[]}"));
        ContainerView taskManager =
                new ContainerView("container_1_0001_01_000002", 1, false, "nm-1", "nm-1:8042", "RUNNING", null, "");
        services.yarn.addContainer(session.getApplicationId(), taskManager);

        InspectedJob inspected = services.jobInspector().inspect("nightly-report");

        assertThat(inspected.cluster()).isEqualTo("analytics");
        assertThat(inspected.health().state()).isEqualTo("RUNNING");
        assertThat(inspected.containers()).containsExactly(taskManager);
        assertThat(flink.clientsClosed()).isTrue();
    }

    @Test
    void givenAnUnknownJob_whenInspected_thenItIsNotFound() {
        TestingServices services = new TestingServices(dir);
        services.yarn.runSession("analytics");

        assertThatThrownBy(() -> services.jobInspector().inspect("nosuch"))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "nosuch"));
    }
}
