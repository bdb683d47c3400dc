package dev.ferry.ha.failover;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationMasterAttemptTest {

    @Test
    void givenTheSecondAttemptsMasterContainer_thenItFollowsAnEarlierAttempt() {
        var attempt = ApplicationMasterAttempt.fromEnvironment(
                Map.of("CONTAINER_ID", "container_1700000000000_0007_02_000001"));

        assertThat(attempt).hasValueSatisfying(a -> {
            assertThat(a.attempt()).isEqualTo(2);
            assertThat(a.followsEarlierAttempt()).isTrue();
        });
    }

    @Test
    void givenAContainerIdWithAResourceManagerEpoch_thenTheAttemptIsStillRead() {
        var attempt = ApplicationMasterAttempt.fromEnvironment(
                Map.of("CONTAINER_ID", "container_e17_1700000000000_0007_03_000001"));

        assertThat(attempt).map(ApplicationMasterAttempt::attempt).contains(3);
    }

    @Test
    void givenTheFirstAttempt_thenThereIsNoEarlierJobManagerToFence() {
        var attempt = ApplicationMasterAttempt.fromEnvironment(
                Map.of("CONTAINER_ID", "container_1700000000000_0007_01_000001"));

        assertThat(attempt)
                .hasValueSatisfying(a -> assertThat(a.followsEarlierAttempt()).isFalse());
    }

    @Test
    void givenATaskManagerContainerOfALaterAttempt_thenItIsNoApplicationMaster() {
        assertThat(ApplicationMasterAttempt.fromEnvironment(
                        Map.of("CONTAINER_ID", "container_1700000000000_0007_02_000004")))
                .isEmpty();
    }

    @Test
    void givenNoYarnContainer_thenThereIsNoAttempt() {
        assertThat(ApplicationMasterAttempt.fromEnvironment(Map.of())).isEmpty();
    }
}
