package dev.ferry.examples;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.Collector;

import java.util.List;

/**
 * Streaming word count over a generated, deterministic stream of sentences.
 *
 * <p>Arguments:
 * <ul>
 *   <li>{@code --rate N}: sentences per second over all source subtasks (default 100);</li>
 *   <li>{@code --count N}: stop after N sentences; 0 or absent means run until cancelled;</li>
 *   <li>{@code --output PATH}: write "word,count" lines with a FileSink (any Flink file system, e.g.
 *       hdfs://...); absent means print them to the TaskManagers' stdout.</li>
 * </ul>
 *
 * <p>Sentence {@code i} is always {@code SENTENCES[i % SENTENCES.size()]}, so the final count of every
 * word is known in advance for any {@code --count}: that is what makes the job usable as a smoke test
 * of a cluster, of checkpoints and of restores from savepoints.
 */
public final class StreamingWordCount {

    /** The fixed vocabulary, in the order the source emits it. */
    public static final List<String> SENTENCES = List.of(
            "to be or not to be that is the question",
            "the quick brown fox jumps over the lazy dog",
            "all that glitters is not gold",
            "a journey of a thousand miles begins with a single step",
            "the early bird catches the worm");

    static final long DEFAULT_RATE = 100;

    /** The FileSink only commits files on checkpoints, so this is also the output latency. */
    static final long CHECKPOINT_INTERVAL_MS = 5_000;

    private StreamingWordCount() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        long rate = params.getLong("rate", DEFAULT_RATE);
        long count = params.getLong("count", 0);
        String output = params.get("output");
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be a positive number of sentences per second, got " + rate);
        }
        if (count < 0) {
            throw new IllegalArgumentException("--count must be 0 (unbounded) or positive, got " + count);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        // Shows the arguments in the web UI's job configuration tab.
        env.getConfig().setGlobalJobParameters(params);

        DataStream<String> counts = env.fromSource(
                        sentenceSource(rate, count), WatermarkStrategy.noWatermarks(), "sentences")
                .uid("sentences")
                .flatMap(StreamingWordCount::splitIntoWords)
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .uid("split")
                .name("split")
                .keyBy(wordAndOne -> wordAndOne.f0)
                .sum(1)
                .uid("count")
                .name("count")
                .map(wordAndCount -> wordAndCount.f0 + "," + wordAndCount.f1)
                .uid("format")
                .name("format");

        if (output == null) {
            counts.print().uid("print").name("print");
        } else {
            counts.sinkTo(fileSink(output)).uid("file-sink").name("file-sink");
        }

        env.execute("StreamingWordCount");
    }

    /** The sentence the source emits as its {@code index}-th record. */
    public static String sentence(long index) {
        return SENTENCES.get((int) (index % SENTENCES.size()));
    }

    private static DataGeneratorSource<String> sentenceSource(long rate, long count) {
        return new DataGeneratorSource<>(
                StreamingWordCount::sentence,
                count > 0 ? count : Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(rate),
                Types.STRING);
    }

    private static void splitIntoWords(String sentence, Collector<Tuple2<String, Long>> out) {
        for (String word : sentence.split(" ")) {
            out.collect(Tuple2.of(word, 1L));
        }
    }

    private static FileSink<String> fileSink(String output) {
        return FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>("UTF-8"))
                // Finished files appear once per checkpoint, whatever their size.
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }
}
