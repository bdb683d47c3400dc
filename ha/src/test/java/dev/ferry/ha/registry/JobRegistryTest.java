package dev.ferry.ha.registry;

import dev.ferry.ha.ZooKeeperTestServer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRegistryTest extends ZooKeeperTestServer {

    private JobRegistry registry;
    private ClusterRegistry clusters;

    @BeforeEach
    void registries() {
        registry = new JobRegistry(connect(), paths);
        clusters = new ClusterRegistry(connect(), paths);
    }

    private static byte[] document(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenACreatedRecord_whenFoundFromAnotherClient_thenItsDocumentIsBackAtVersionZero() {
        registry.create("orders", document("{\"run\":1}"));

        assertThat(new JobRegistry(connect(), paths).find("orders")).hasValueSatisfying(found -> {
            assertThat(found.value()).isEqualTo(document("{\"run\":1}"));
            assertThat(found.version()).isZero();
        });
    }

    @Test
    void givenARecord_whenUpdatedAtTheVersionRead_thenTheNewDocumentAndVersionAreBack() {
        registry.create("orders", document("1"));

        int version = registry.update("orders", document("2"), 0);

        assertThat(version).isEqualTo(1);
        assertThat(registry.find("orders")).get().extracting(Versioned::version).isEqualTo(1);
    }

    @Test
    void givenTwoGatewaysThatReadTheSameVersion_whenBothUpdate_thenTheSecondLearnsItWasNotFirst() {
        registry.create("orders", document("1"));
        registry.update("orders", document("2 from alice"), 0);

        assertThatThrownBy(() -> registry.update("orders", document("2 from bob"), 0))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("/jobs/orders");
        assertThat(new String(registry.find("orders").get().value(), StandardCharsets.UTF_8))
                .isEqualTo("2 from alice");
    }

    @Test
    void givenARecord_whenAnotherGatewayCreatesTheSameName_thenItIsRefused() {
        registry.create("orders", document("alice"));

        assertThatThrownBy(() -> registry.create("orders", document("bob")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("created by someone else");
    }

    @Test
    void givenSeveralRecords_whenNamesAreListed_thenEachAppearsOnce() {
        registry.create("orders", document("1"));
        registry.create("clicks", document("1"));

        assertThat(registry.names()).containsExactlyInAnyOrder("orders", "clicks");
    }

    @Test
    void givenNoRecords_whenListedOrFound_thenNothingAndNoError() {
        assertThat(registry.names()).isEmpty();
        assertThat(registry.find("orders")).isEmpty();
    }

    @Test
    void givenAJobOfAnApplicationCluster_whenTheClusterIsRemovedFromTheRegistry_thenTheJobRecordStays() {
        clusters.register(Records.cluster("orders", "application_1_0001"));
        registry.create("orders", document("1"));

        clusters.remove("orders");

        assertThat(registry.find("orders")).isPresent();
    }
}
