package dev.ferry.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of a SELECT's result the runner waits for: at most {@code maxRows} rows, and no longer
 * than {@code maxWait} (a streaming query over a quiet source may never produce them all). The
 * query's job is cancelled when either is reached.
 *
 * @param maxRows rows kept per query, at least 1
 * @param maxWait how long a query may run, positive
 */
public record QueryLimits(int maxRows, Duration maxWait) {

    /** 1000 rows, and five minutes (long enough for a batch query, a bound for a quiet stream). */
    public static final QueryLimits DEFAULT = new QueryLimits(1000, Duration.ofMinutes(5));

    public QueryLimits {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxRows < 1 || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("need maxRows >= 1 and a positive maxWait");
        }
    }
}
