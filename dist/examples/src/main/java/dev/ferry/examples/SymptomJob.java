package dev.ferry.examples;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs that each show one thing {@code ferry diagnose} must recognise, so that it can be tested on a
 * real cluster: {@code --symptom slow-sink} (backpressure from a sink that takes 5 ms per record),
 * {@code hot-key} (90% of records on one key of four subtasks), {@code late-events} (event time 15
 * minutes behind), {@code stuck-checkpoint} (a snapshot that outlasts the checkpoint timeout),
 * {@code poison} (an exception every {@code --every} records, restarting), {@code memory-hog}
 * (native memory that grows past the TaskManager's container), and {@code healthy}.
 * Every job's vertices are named after what they do, which is what the diagnosis names.
 */
public final class SymptomJob {

    private SymptomJob() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, params);
        env.execute("symptom-" + params.get("symptom", "healthy"));
    }

    /** Adds the job of {@code --symptom} to {@code env}. */
    static void define(StreamExecutionEnvironment env, ParameterTool params) {
        String symptom = params.get("symptom", "healthy");
        env.enableCheckpointing(params.getLong("checkpoint-interval", 2_000));
        switch (symptom) {
            case "slow-sink" -> slowSink(env);
            case "hot-key" -> hotKey(env);
            case "late-events" -> lateEvents(env);
            case "stuck-checkpoint" -> stuckCheckpoint(env);
            case "poison" -> poison(env, params.getLong("every", 200));
            case "memory-hog" -> memoryHog(env);
            case "healthy" -> healthy(env);
            default ->
                throw new IllegalArgumentException("Unknown --symptom " + symptom + ": use slow-sink, hot-key,"
                        + " late-events, stuck-checkpoint, poison, memory-hog or healthy");
        }
    }

    private static DataStream<Long> numbers(StreamExecutionEnvironment env, long perSecond) {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(
                index -> index, Long.MAX_VALUE, RateLimiterStrategy.perSecond(perSecond), Types.LONG);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "numbers")
                .setParallelism(1);
    }

    private static void slowSink(StreamExecutionEnvironment env) {
        numbers(env, 5_000)
                .map(n -> n)
                .name("parse")
                .setParallelism(1)
                .map(new Slow(5))
                .name("slow-sink")
                .setParallelism(1)
                // A task of its own: chained to the source, the wait would be inside one task, not backpressure.
                .startNewChain()
                .sinkTo(new DiscardingSink<>())
                .name("discard")
                .setParallelism(1);
    }

    private static void hotKey(StreamExecutionEnvironment env) {
        numbers(env, 500)
                .keyBy(n -> n % 10 < 9 ? 0L : n % 4)
                .process(new CountPerKey())
                .name("count-per-key")
                .setParallelism(4)
                .sinkTo(new DiscardingSink<>())
                .setParallelism(4);
    }

    private static void lateEvents(StreamExecutionEnvironment env) {
        long behind = Duration.ofMinutes(15).toMillis();
        numbers(env, 100)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((n, previous) -> System.currentTimeMillis() - behind))
                .name("timestamps-15-min-old")
                .keyBy(n -> n % 4)
                .process(new CountPerKey())
                .name("count-late-events")
                .sinkTo(new DiscardingSink<>());
    }

    private static void stuckCheckpoint(StreamExecutionEnvironment env) {
        env.getCheckpointConfig().setCheckpointTimeout(3_000);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(Integer.MAX_VALUE);
        numbers(env, 10).map(new SlowSnapshot()).name("slow-snapshot").sinkTo(new DiscardingSink<>());
    }

    @SuppressWarnings("deprecation")
    private static void poison(StreamExecutionEnvironment env, long every) {
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(Integer.MAX_VALUE, Time.seconds(1)));
        numbers(env, 100)
                .map(n -> {
                    if (n > 0 && n % every == 0) {
                        throw new IllegalStateException("record " + n + " is poison");
                    }
                    return n;
                })
                .name("poisoned-map")
                .sinkTo(new DiscardingSink<>());
    }

    private static void memoryHog(StreamExecutionEnvironment env) {
        numbers(env, 10).map(new NativeMemoryHog()).name("memory-hog").sinkTo(new DiscardingSink<>());
    }

    private static void healthy(StreamExecutionEnvironment env) {
        numbers(env, 20)
                .keyBy(n -> n % 4)
                .process(new CountPerKey())
                .name("count")
                .sinkTo(new DiscardingSink<>());
    }

    /** Takes {@code millis} per record: whatever sends to it waits. */
    static final class Slow implements MapFunction<Long, Long> {
        private final long millis;

        Slow(long millis) {
            this.millis = millis;
        }

        @Override
        public Long map(Long n) throws Exception {
            Thread.sleep(millis);
            return n;
        }
    }

    /** Counts records per key in state. */
    static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long n, Context ctx, Collector<Long> out) throws Exception {
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(next);
        }
    }

    /** Snapshots take longer than the checkpoint timeout: no checkpoint ever completes. */
    static final class SlowSnapshot implements MapFunction<Long, Long>, CheckpointedFunction {
        @Override
        public Long map(Long n) {
            return n;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            Thread.sleep(10_000);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}
    }

    /**
     * Allocates and touches 32 MiB of native memory per record, outside every limit the JVM
     * enforces, until YARN's NodeManager kills the container for exceeding its physical memory.
     */
    static final class NativeMemoryHog implements MapFunction<Long, Long> {
        private static final long CHUNK = 32L << 20;
        private static final long PAGE = 4096;
        /**
         * Far past any container this example runs in, so YARN kills it first; and a bound, so that
         * on a YARN that does not check container memory it cannot exhaust the machine.
         */
        private static final long LIMIT = 4L << 30;

        private final List<Long> kept = new ArrayList<>();

        @Override
        public Long map(Long n) throws Exception {
            if (kept.size() * CHUNK >= LIMIT) {
                return n;
            }
            sun.misc.Unsafe unsafe = unsafe();
            long address = unsafe.allocateMemory(CHUNK);
            for (long offset = 0; offset < CHUNK; offset += PAGE) {
                unsafe.putByte(address + offset, (byte) 1);
            }
            kept.add(address);
            return n;
        }

        private static sun.misc.Unsafe unsafe() throws ReflectiveOperationException {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        }
    }
}
