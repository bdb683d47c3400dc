package dev.ferry.launcher.testing;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The smallest streaming program Flink's client turns into a JobGraph with two vertices (a source,
 * and a sink after a rebalance, so that they can be scaled apart): what {@link TinyJobJar} packs.
 */
public final class TinyJob {

    private TinyJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, 10)
                .name("numbers")
                .rebalance()
                .sinkTo(new DiscardingSink<>())
                .name("discard");
        env.execute("TinyJob");
    }
}
