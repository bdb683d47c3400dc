package dev.ferry.ha.lock;

import dev.ferry.ha.ZooKeeperTestServer;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterNameLockTest extends ZooKeeperTestServer {

    private static final Duration SHORT = Duration.ofMillis(500);
    private static final LockHolder ALICE = new LockHolder("alice", "gw2", 123, Instant.parse("2026-11-25T10:00:00Z"));
    private static final LockHolder BOB = new LockHolder("bob", "gw3", 456, Instant.parse("2026-11-25T10:00:05Z"));

    @Test
    void givenLockHeldByOneClient_whenSecondClientAcquires_thenItTimesOutNamingTheHolder() {
        CuratorFramework alice = connect();
        CuratorFramework bob = connect();
        try (ClusterNameLock held = ClusterNameLock.acquire(alice, paths, "etl", SHORT, ALICE)) {

            assertThatThrownBy(() -> ClusterNameLock.acquire(bob, paths, "etl", SHORT, BOB))
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
        ClusterNameLock.acquire(alice, paths, "etl", SHORT, ALICE).close();

        try (ClusterNameLock lock = ClusterNameLock.acquire(bob, paths, "etl", SHORT, BOB)) {
            assertThat(lock.isHeld()).isTrue();
            assertThat(ClusterNameLock.holder(bob, paths, "etl")).contains(BOB);
        }
        assertThat(ClusterNameLock.holder(bob, paths, "etl")).isEmpty();
    }

    @Test
    void givenHolderSessionEnds_whenSecondClientAcquires_thenItGetsTheLock() {
        CuratorFramework alice = connect();
        CuratorFramework bob = connect();
        ClusterNameLock.acquire(alice, paths, "etl", SHORT, ALICE);

        alice.close(); // the holder's process goes away without unlocking

        try (ClusterNameLock lock = ClusterNameLock.acquire(bob, paths, "etl", SHORT, BOB)) {
            assertThat(lock.isHeld()).isTrue();
        }
    }

    @Test
    void givenLocksOnDifferentNames_whenBothAcquire_thenNeitherWaits() {
        CuratorFramework client = connect();
        try (ClusterNameLock etl = ClusterNameLock.acquire(client, paths, "etl", SHORT, ALICE);
                ClusterNameLock ml = ClusterNameLock.acquire(connect(), paths, "ml", SHORT, BOB)) {
            assertThat(etl.isHeld()).isTrue();
            assertThat(ml.isHeld()).isTrue();
        }
    }
}
