package dev.ferry.bench.yarn;

import dev.ferry.bench.report.BenchReport;
import dev.ferry.bench.report.BenchRun;

import java.util.Optional;
import java.util.function.Consumer;

/** A timed bench on YARN: Ferry's runs against stock Flink's, alternating, each run its own session. */
public interface YarnBench {

    /**
     * @param runs runs per variant
     * @param queue the sessions' YARN queue, else ferry.yarn.queue
     * @param progress hears of every run as it ends
     */
    BenchReport run(int runs, Optional<String> queue, Consumer<BenchRun> progress) throws Exception;
}
