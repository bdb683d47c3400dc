package dev.ferry.ha.registry;

import dev.ferry.ha.ZooKeeperTestServer;
import dev.ferry.ha.registry.JobRecord.JobPlacement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JobRegistryTest extends ZooKeeperTestServer {

    private JobRegistry registry;
    private ClusterRegistry clusters;

    @BeforeEach
    void registries() {
        registry = new JobRegistry(connect(), paths);
        clusters = new ClusterRegistry(connect(), paths);
    }

    private static JobRecord job(String name, long updatedAt) {
        JobPlacement placement =
                new JobPlacement("application", null, "etl", "1024m", "1728m", 2, Map.of("parallelism.default", "2"));
        return new JobRecord(
                name,
                JobRecord.JAR,
                "hdfs:///ferry/artifacts/ab12.jar",
                "com.example.Orders",
                List.of("--topic", "orders"),
                2,
                placement,
                List.of("a1b2"),
                "application_1_0001",
                "hdfs:///ferry/checkpoints",
                null,
                updatedAt);
    }

    @Test
    void givenASavedRecord_whenFoundFromAnotherClient_thenEveryFieldIsBack() {
        JobRecord saved = job("orders", 1000).withSavepoint("hdfs:///sp/savepoint-1");
        registry.save(saved);

        assertThat(new JobRegistry(connect(), paths).find("orders")).contains(saved);
    }

    @Test
    void givenARecordSavedTwice_whenFound_thenTheLastWriteWins() {
        registry.save(job("orders", 1000));
        registry.save(job("orders", 2000).withRun("c3d4", "application_1_0002", "hdfs:///ferry/checkpoints"));

        assertThat(registry.find("orders"))
                .get()
                .extracting(JobRecord::currentJobId)
                .isEqualTo("c3d4");
    }

    @Test
    void givenSeveralRecords_whenListed_thenTheMostRecentlyChangedComesFirst() {
        registry.save(job("orders", 1000));
        registry.save(job("clicks", 3000));
        registry.save(job("views", 2000));

        assertThat(registry.list()).extracting(JobRecord::name).containsExactly("clicks", "views", "orders");
    }

    @Test
    void givenNoRecords_whenListedOrFound_thenNothingAndNoError() {
        assertThat(registry.list()).isEmpty();
        assertThat(registry.find("orders")).isEmpty();
    }

    @Test
    void givenAJobOfAnApplicationCluster_whenTheClusterIsRemovedFromTheRegistry_thenTheJobRecordStays() {
        clusters.register(Records.cluster("orders", "application_1_0001"));
        registry.save(job("orders", 1000));

        clusters.remove("orders");

        assertThat(registry.find("orders")).isPresent();
    }
}
