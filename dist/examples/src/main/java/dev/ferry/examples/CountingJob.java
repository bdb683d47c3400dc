package dev.ferry.examples;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The job that proves exactly-once across a lifecycle: every record it ever emits can be checked.
 *
 * <p>A checkpointed source emits the sequence numbers 0, 1, 2, ... at a fixed rate. A keyed
 * operator counts per key ({@code seq % keys}) in Flink state, and a transactional {@link FileSink}
 * writes {@code seq,count,version} lines, committed on checkpoints. With exactly-once, the output
 * over any number of stops, kills and resumes holds every sequence number once, and the
 * counts of each key are exactly 1..n for its n records (parallel source subtasks interleave, so
 * not in sequence order); a lost or doubled state repeats or skips a count.
 * {@code version} is read from a resource in the jar, so a restart with a rebuilt jar shows which
 * artifact wrote which record.
 *
 * <p>Arguments: {@code --output PATH} (required), {@code --rate N} records per second (default 20),
 * {@code --count N} stop after N records (default: run until stopped), {@code --keys K} (default 4),
 * {@code --checkpoint-interval MS} (default 2000).
 */
public final class CountingJob {

    static final String VERSION_RESOURCE = "/dev/ferry/examples/counting-job.version";

    private CountingJob() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        String output = params.getRequired("output");
        long rate = params.getLong("rate", 20);
        long count = params.getLong("count", 0);
        int keys = params.getInt("keys", 4);
        long checkpointInterval = params.getLong("checkpoint-interval", 2_000);
        if (rate <= 0 || count < 0 || keys <= 0 || checkpointInterval <= 0) {
            throw new IllegalArgumentException(
                    "--rate, --keys and --checkpoint-interval must be positive and --count not negative");
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(checkpointInterval);
        env.getConfig().setGlobalJobParameters(params);

        String version = version();
        env.fromSource(sequence(rate, count), WatermarkStrategy.noWatermarks(), "sequence")
                .uid("sequence")
                .keyBy(seq -> seq % keys)
                .process(new CountPerKey(version))
                .uid("count")
                .name("count")
                .sinkTo(fileSink(output))
                .uid("file-sink")
                .name("file-sink");

        env.execute("CountingJob");
    }

    /** The version stamped into the jar at build time; "1" when the resource is absent. */
    static String version() throws IOException {
        try (InputStream in = CountingJob.class.getResourceAsStream(VERSION_RESOURCE)) {
            return in == null ? "1" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static DataGeneratorSource<Long> sequence(long rate, long count) {
        return new DataGeneratorSource<>(
                index -> index, count > 0 ? count : Long.MAX_VALUE, RateLimiterStrategy.perSecond(rate), Types.LONG);
    }

    private static FileSink<String> fileSink(String output) {
        return FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>("UTF-8"))
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    /** Counts the records of each key in keyed state and emits {@code seq,count,version}. */
    static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {

        private final String version;
        private transient ValueState<Long> seen;

        CountPerKey(String version) {
            this.version = version;
        }

        @Override
        public void open(Configuration parameters) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.LONG));
        }

        @Override
        public void processElement(Long seq, Context ctx, Collector<String> out) throws Exception {
            long count = seen.value() == null ? 1 : seen.value() + 1;
            seen.update(count);
            out.collect(seq + "," + count + "," + version);
        }
    }
}
