package dev.ferry.ha.registry;

import dev.ferry.ha.ZooKeeperTestServer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.ferry.ha.registry.Records.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterRegistryTest extends ZooKeeperTestServer {

    private ClusterRegistry registry;

    @BeforeEach
    void createRegistry() {
        registry = new ClusterRegistry(connect(), paths);
    }

    @Test
    void givenRegisteredCluster_whenGet_thenRecordIsReturnedAsWritten() {
        registry.register(cluster("etl", "application_1_0001"));

        assertThat(registry.get("etl"))
                .get()
                .satisfies(v -> assertThat(v.value()).isEqualTo(cluster("etl", "application_1_0001")))
                .satisfies(v -> assertThat(v.version()).isZero());
    }

    @Test
    void givenTwoClusters_whenList_thenBothAreListedByName() {
        registry.register(cluster("zeta", "application_1_0002"));
        registry.register(cluster("alpha", "application_1_0001"));

        assertThat(registry.list()).extracting(ClusterRecord::name).containsExactly("alpha", "zeta");
    }

    @Test
    void givenRegisteredCluster_whenRemove_thenItIsGone() {
        registry.register(cluster("etl", "application_1_0001"));

        assertThat(registry.remove("etl")).isTrue();

        assertThat(registry.get("etl")).isEmpty();
        assertThat(registry.list()).isEmpty();
        assertThat(registry.remove("etl")).isFalse();
    }

    @Test
    void givenTakenName_whenRegister_thenErrorNamesTheExistingApplication() {
        registry.register(cluster("etl", "application_1_0001"));

        assertThatThrownBy(() -> registry.register(cluster("etl", "application_1_0002")))
                .isInstanceOf(ClusterAlreadyRegisteredException.class)
                .hasMessageContaining("'etl'")
                .hasMessageContaining("application_1_0001");
    }

    @Test
    void givenTwoClientsRacing_whenBothRegisterTheSameName_thenExactlyOneWins() throws Exception {
        ClusterRegistry other = new ClusterRegistry(connect(), paths);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(registering(registry, start, "application_1_0001"));
            Future<Boolean> second = pool.submit(registering(other, start, "application_1_0002"));
            start.countDown();

            assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenStaleVersion_whenUpdate_thenConcurrentUpdateIsReported() {
        registry.register(cluster("etl", "application_1_0001"));
        int version = registry.get("etl").orElseThrow().version();
        registry.update(cluster("etl", "application_1_0001").withRestUrl("http://nm2:8081"), version);

        assertThatThrownBy(() -> registry.update(cluster("etl", "application_1_0003"), version))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(registry.get("etl").orElseThrow().value().restUrl()).isEqualTo("http://nm2:8081");
    }

    private static Callable<Boolean> registering(ClusterRegistry registry, CountDownLatch start, String applicationId) {
        return () -> {
            start.await();
            try {
                registry.register(cluster("race", applicationId));
                return true;
            } catch (ClusterAlreadyRegisteredException e) {
                return false;
            }
        };
    }
}
