package dev.ferry.sql;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.table.api.config.ExecutionConfigOptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The settings Ferry's SQL runner gives every script's TableEnvironment where Flink's default
 * differs from Ferry's. Each one fills a gap only: a value set in config.yaml, with {@code -D} or
 * by the script's {@code SET} wins. The Nexmark bench (module nexmark) measures these, against
 * stock Flink, from this very list.
 */
public final class FerrySqlDefaults {

    /** One default: the option, Ferry's value and the measurement behind it. */
    public record Setting<T>(ConfigOption<T> option, T value, String reason) {

        String key() {
            return option.key();
        }

        void fillIn(Configuration target) {
            target.set(option, value);
        }
    }

    /**
     * Every Ferry SQL default, in the order they are applied. Measured with the Nexmark bench
     * (docs/bench/nexmark/: parallelism 1, 200,000 events, Ferry's whole configuration against stock
     * Flink, medians of 5 runs, on a 2-core machine shared with other builds at load 2-4; an
     * earlier run at load 5-11 is quoted second).
     *
     * <p>Tried and left out: {@code table.optimizer.distinct-agg.split.enabled=true} made q15 3.5x
     * and q16 1.9x slower (single runs: an extra aggregation level that only pays off against skew
     * across parallel subtasks). Flink's default {@code table.optimizer.agg-phase-strategy} (AUTO:
     * two phases once mini-batch is on) is kept; it was not measured apart.
     */
    public static final List<Setting<?>> SETTINGS = List.of(
            new Setting<>(
                    ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED,
                    true,
                    "Buffers input and updates each key's aggregate, join or dedup state once per batch instead"
                            + " of once per row: with RocksDB (Ferry's backend) every state access is a"
                            + " (de)serialising JNI call. With it, on RocksDB, against stock Flink on"
                            + " the heap: q3 1.48x, q17 1.31x, q15 1.28x, q19 1.12x, q18 0.96x (medians of 5; at load"
                            + " 5-11: 1.88, 1.43, 1.13, 1.18, 1.16). Not measured apart from RocksDB with repeated"
                            + " runs: single runs on the heap backend gave q7 1.9x, q3 1.6x. Aggregates then emit at"
                            + " most every allow-latency."),
            new Setting<>(
                    ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ALLOW_LATENCY,
                    Duration.ofSeconds(2),
                    "Required with mini-batch. 2 s bounds the extra delay of results while a batch fills; the"
                            + " bench's bounded jobs flush at their end, so it measures the batch size, not this."),
            new Setting<>(
                    ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_SIZE,
                    5000L,
                    "Rows per batch: 5000 keeps a batch's buffer small next to a 1728m TaskManager's heap"
                            + " while folding Nexmark's hot keys (half the bids go to 1 in 100 auctions)."),
            new Setting<>(
                    PipelineOptions.OBJECT_REUSE,
                    true,
                    "Chained SQL operators hand rows on without a defensive copy. On the stateless queries,"
                            + " where it is the only difference between Ferry and stock, Ferry ran 1.23-2.01x"
                            + " (q21 1.23, q0 1.40, q2 1.50, q22 1.61, q1 1.72, q13 1.73, q10 1.74, q14 2.01;"
                            + " medians of 5; 1.16-1.67x at load 5-11). Flink's SQL operators copy a row before"
                            + " they keep it, so it is safe for SQL jobs; SQL scripts have no DataStream functions"
                            + " that could hold records."));

    private FerrySqlDefaults() {}

    /** The defaults as key/value strings, e.g. for a report. */
    public static Map<String, String> asMap() {
        Configuration config = new Configuration();
        SETTINGS.forEach(setting -> setting.fillIn(config));
        return config.toMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    /** Sets every default whose key {@code alreadySet} does not report as set. */
    static void fillIn(Configuration target, Predicate<String> alreadySet) {
        for (Setting<?> setting : SETTINGS) {
            if (!alreadySet.test(setting.key())) {
                setting.fillIn(target);
            }
        }
    }

    /** Sets every default that {@code target} does not set yet. */
    public static void fillIn(Configuration target) {
        fillIn(target, target::containsKey);
    }
}
