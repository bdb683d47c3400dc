package dev.ferry.launcher.testing;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** The smallest streaming program Flink's client turns into a JobGraph: what {@link TinyJobJar} packs. */
public final class TinyJob {

    private TinyJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, 10).sinkTo(new DiscardingSink<>());
        env.execute("TinyJob");
    }
}
