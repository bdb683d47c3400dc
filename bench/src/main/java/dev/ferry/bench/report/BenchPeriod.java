package dev.ferry.bench.report;

import java.time.Duration;
import java.time.Instant;

/** When a bench ran, and the machine's load before and after it: its times mean little without them. */
public record BenchPeriod(Instant started, Instant finished, LoadAverage before, LoadAverage after) {

    /** A bench under way: when it started and the load then. */
    public record Start(Instant started, LoadAverage before) {

        /** The period from this start until now. */
        public BenchPeriod end() {
            return new BenchPeriod(started, Instant.now(), before, LoadAverage.now());
        }
    }

    /** Starts a period now. */
    public static Start begin() {
        return new Start(Instant.now(), LoadAverage.now());
    }

    public double minutes() {
        return Duration.between(started, finished).toSeconds() / 60.0;
    }

    /** As every report and the terminal say it. */
    public String load() {
        return "Load average (1/5/15 min) before: " + before + ", after: " + after + ".";
    }
}
