package dev.ferry.launcher.deployment;

import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.junit.jupiter.api.Test;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SessionWarmUpTest {

    @Test
    void theWarmUpJobNeedsNoJarAndIsNamedForTheJobHistory() {
        // when
        JobGraph graph = SessionWarmUp.jobGraph(4);

        // then: nothing to upload, and an operator sees what it was
        assertThat(graph.getUserJars()).isEmpty();
        assertThat(graph.getUserArtifacts()).isEmpty();
        assertThat(graph.getName()).isEqualTo("ferry-session-warm-up");
    }

    @Test
    void theWarmUpJobReachesEverySlotAfterItsSource() {
        // when: a session with 2 TaskManagers of 2 slots
        JobGraph graph = SessionWarmUp.jobGraph(4);

        // then: the keyed sum runs in all 4 slots, so every TaskManager starts a stateful task
        assertThat(StreamSupport.stream(graph.getVertices().spliterator(), false)
                        .mapToInt(JobVertex::getParallelism)
                        .max())
                .hasValue(4);
        assertThat(graph.getMaximumParallelism()).isEqualTo(4);
    }
}
