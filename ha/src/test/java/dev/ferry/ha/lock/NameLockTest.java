package dev.ferry.ha.lock;

import dev.ferry.ha.ZooKeeperTestServer;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameLockTest extends ZooKeeperTestServer {

    private static final Duration SHORT = Duration.ofMillis(500);
    private static final LockHolder ALICE = new LockHolder("alice", "gw2", 123, Instant.parse("2026-11-25T10:00:00Z"));
    private static final LockHolder BOB = new LockHolder("bob", "gw3", 456, Instant.parse("2026-11-25T10:00:05Z"));

    @Test
    void givenLockHeldByOneClient_whenSecondClientAcquires_thenItTimesOutNamingTheHolder() {
        CuratorFramework alice = connect();
        CuratorFramework bob = connect();
        try (NameLock held = NameLock.acquire(alice, paths, LockedName.cluster("etl"), SHORT, ALICE)) {

            assertThatThrownBy(() -> NameLock.acquire(bob, paths, LockedName.cluster("etl"), SHORT, BOB))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageStartingWith("cluster 'etl' is locked by alice@gw2 (pid 123) since 2026-11-25T10:00:00Z")
                    .hasMessageContaining("ferry.ha.lock-timeout");
            assertThat(held.isHeld()).isTrue();
        }
    }

    @Test
    void givenLockClosed_whenSecondClientAcquires_thenItGetsTheLock() {
        CuratorFramework alice = connect();
        CuratorFramework bob = connect();
        NameLock.acquire(alice, paths, LockedName.cluster("etl"), SHORT, ALICE).close();

        try (NameLock lock = NameLock.acquire(bob, paths, LockedName.cluster("etl"), SHORT, BOB)) {
            assertThat(lock.isHeld()).isTrue();
            assertThat(NameLock.holder(bob, paths, LockedName.cluster("etl"))).contains(BOB);
        }
        assertThat(NameLock.holder(bob, paths, LockedName.cluster("etl"))).isEmpty();
    }

    @Test
    void givenHolderSessionEnds_whenSecondClientAcquires_thenItGetsTheLock() {
        CuratorFramework alice = connect();
        CuratorFramework bob = connect();
        NameLock.acquire(alice, paths, LockedName.cluster("etl"), SHORT, ALICE);

        alice.close(); // the holder's process goes away without unlocking

        try (NameLock lock = NameLock.acquire(bob, paths, LockedName.cluster("etl"), SHORT, BOB)) {
            assertThat(lock.isHeld()).isTrue();
        }
    }

    @Test
    void givenLocksOnDifferentNames_whenBothAcquire_thenNeitherWaits() {
        CuratorFramework client = connect();
        try (NameLock etl = NameLock.acquire(client, paths, LockedName.cluster("etl"), SHORT, ALICE);
                NameLock ml = NameLock.acquire(connect(), paths, LockedName.cluster("ml"), SHORT, BOB)) {
            assertThat(etl.isHeld()).isTrue();
            assertThat(ml.isHeld()).isTrue();
        }
    }

    @Test
    void givenAClusterAndAJobOfTheSameName_whenBothAreLocked_thenNeitherWaits() {
        try (NameLock cluster = NameLock.acquire(connect(), paths, LockedName.cluster("orders"), SHORT, ALICE);
                NameLock job = NameLock.acquire(connect(), paths, LockedName.job("orders"), SHORT, BOB)) {
            assertThat(cluster.isHeld()).isTrue();
            assertThat(job.isHeld()).isTrue();
        }
    }

    @Test
    void givenAHeldJobLock_whenAnotherGatewayTriesTheSameJob_thenItTimesOutNamingTheHolderAndTheJob() {
        try (NameLock held = NameLock.acquire(connect(), paths, LockedName.job("orders"), SHORT, ALICE)) {
            assertThatThrownBy(() -> NameLock.acquire(connect(), paths, LockedName.job("orders"), SHORT, BOB))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("job 'orders' is locked by " + ALICE.describe());
        }
    }
}
