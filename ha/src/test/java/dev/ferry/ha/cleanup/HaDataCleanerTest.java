package dev.ferry.ha.cleanup;

import dev.ferry.ha.ZooKeeperTestServer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HaDataCleanerTest extends ZooKeeperTestServer {

    private static final String DEAD = "application_1_0001";
    private static final String LIVE = "application_1_0002";

    @TempDir
    Path storageDir;

    private CuratorFramework client;
    private String flinkRoot;
    private LocalHaStorage storage;

    @BeforeEach
    void createHaData() throws Exception {
        client = connect();
        flinkRoot = paths.root() + "-flink";
        storage = new LocalHaStorage(storageDir);
        for (String id : new String[] {DEAD, LIVE}) {
            client.create().creatingParentsIfNeeded().forPath(flinkRoot + "/" + id + "/jobgraphs/job-1", new byte[] {1
            });
            client.create().creatingParentsIfNeeded().forPath(flinkRoot + "/" + id + "/leader/latch");
            writeFile(storageDir.resolve(id).resolve("blob/job-1/blob_p-1"), 1000);
            writeFile(storageDir.resolve("job-result-store").resolve(id).resolve("job-1.json"), 24);
        }
    }

    @Test
    void givenDeadAndLiveCluster_whenClean_thenOnlyTheDeadOnesDataIsRemoved() throws Exception {
        CleanupReport report = new HaDataCleaner(client, flinkRoot, storage, () -> Set.of(LIVE)).clean(false);

        assertThat(report.removed())
                .extracting(CleanupReport.RemovedCluster::clusterId)
                .containsExactly(DEAD);
        assertThat(report.bytesFreed()).isEqualTo(1024);
        assertThat(client.checkExists().forPath(flinkRoot + "/" + DEAD)).isNull();
        assertThat(storage.list()).containsExactly(LIVE);
        assertThat(client.checkExists().forPath(flinkRoot + "/" + LIVE + "/jobgraphs/job-1"))
                .isNotNull();
        assertThat(storage.sizeOf(LIVE)).isEqualTo(1024);
    }

    @Test
    void givenDryRun_whenClean_thenNothingIsRemovedButTheDeadClusterIsReported() throws Exception {
        CleanupReport report = new HaDataCleaner(client, flinkRoot, storage, () -> Set.of(LIVE)).clean(true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.removed())
                .extracting(CleanupReport.RemovedCluster::clusterId)
                .containsExactly(DEAD);
        assertThat(report.bytesFreed()).isEqualTo(1024);
        assertThat(client.checkExists().forPath(flinkRoot + "/" + DEAD + "/jobgraphs/job-1"))
                .isNotNull();
        assertThat(storage.list()).containsExactlyInAnyOrder(DEAD, LIVE);
    }

    @Test
    void givenClusterBecomingLiveDuringCleanup_whenClean_thenItIsKept() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // First answer: only LIVE; every later answer (the re-check before deleting) also has DEAD.
        HaDataCleaner cleaner = new HaDataCleaner(
                client, flinkRoot, storage, () -> calls.getAndIncrement() == 0 ? Set.of(LIVE) : Set.of(LIVE, DEAD));

        CleanupReport report = cleaner.clean(false);

        assertThat(report.removed()).isEmpty();
        assertThat(report.skipped())
                .extracting(CleanupReport.SkippedCluster::clusterId)
                .containsExactly(DEAD);
        assertThat(client.checkExists().forPath(flinkRoot + "/" + DEAD)).isNotNull();
        assertThat(storage.list()).contains(DEAD);
    }

    @Test
    void givenLeaderSessionOfAClusterMissingFromTheLiveList_whenClean_thenItIsKept() throws Exception {
        client.create().withMode(CreateMode.EPHEMERAL).forPath(flinkRoot + "/" + DEAD + "/leader/latch/lock-1");

        CleanupReport report = new HaDataCleaner(client, flinkRoot, storage, () -> Set.of(LIVE)).clean(false);

        assertThat(report.removed()).isEmpty();
        assertThat(report.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("ZooKeeper session"));
        assertThat(storage.list()).contains(DEAD);
    }

    @Test
    void givenAClusterThatEndedMomentsAgo_whenClean_thenItIsKeptUntilItsJobManagerIsSurelyGone() throws Exception {
        CleanupReport report =
                new HaDataCleaner(client, flinkRoot, storage, () -> Set.of(LIVE), () -> Set.of(DEAD)).clean(false);

        assertThat(report.removed()).isEmpty();
        assertThat(report.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("shutting down"));
        assertThat(storage.list()).contains(DEAD);
    }

    @Test
    void givenTwoDeadClusters_whenCleanOne_thenOnlyThatOnesDataIsRemoved() throws Exception {
        CleanupReport report = new HaDataCleaner(client, flinkRoot, storage, () -> Set.of()).cleanCluster(DEAD);

        assertThat(report.removed())
                .extracting(CleanupReport.RemovedCluster::clusterId)
                .containsExactly(DEAD);
        assertThat(client.checkExists().forPath(flinkRoot + "/" + DEAD)).isNull();
        assertThat(storage.list()).containsExactly(LIVE);
    }

    @Test
    void givenALiveCluster_whenCleanIt_thenItIsKeptWithTheReason() throws Exception {
        CleanupReport report = new HaDataCleaner(client, flinkRoot, storage, () -> Set.of(LIVE)).cleanCluster(LIVE);

        assertThat(report.removed()).isEmpty();
        assertThat(report.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.clusterId()).isEqualTo(LIVE));
        assertThat(storage.sizeOf(LIVE)).isEqualTo(1024);
    }

    private static void writeFile(Path file, int size) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }
}
