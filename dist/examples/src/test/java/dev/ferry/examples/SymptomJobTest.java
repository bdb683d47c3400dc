package dev.ferry.examples;

import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymptomJobTest {

    @ParameterizedTest
    @CsvSource({
        "slow-sink, slow-sink",
        "hot-key, count-per-key",
        "late-events, count-late-events",
        "stuck-checkpoint, slow-snapshot",
        "poison, poisoned-map",
        "memory-hog, memory-hog",
        "healthy, count"
    })
    void eachSymptomsJobHasTheOperatorTheDiagnosisNames(String symptom, String operator) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        SymptomJob.define(env, ParameterTool.fromArgs(new String[] {"--symptom", symptom}));

        assertThat(env.getStreamGraph().getStreamNodes())
                .extracting(StreamNode::getOperatorName)
                .contains(operator);
    }

    @org.junit.jupiter.api.Test
    void theSlowSinkIsATaskOfItsOwn_soThatItsWaitIsBackpressureOnTheSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        SymptomJob.define(env, ParameterTool.fromArgs(new String[] {"--symptom", "slow-sink"}));

        assertThat(env.getStreamGraph().getJobGraph().getVertices())
                .extracting(JobVertex::getName)
                .anySatisfy(name -> assertThat(name).startsWith("slow-sink"))
                .noneSatisfy(name -> assertThat(name).contains("numbers").contains("slow-sink"));
    }

    @org.junit.jupiter.api.Test
    void anUnknownSymptomIsRefusedNamingTheKnownOnes() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        assertThatThrownBy(() -> SymptomJob.define(env, ParameterTool.fromArgs(new String[] {"--symptom", "nosuch"})))
                .hasMessageContaining("slow-sink, hot-key");
    }
}
