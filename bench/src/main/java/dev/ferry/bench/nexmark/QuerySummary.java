package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.Statistics;
import dev.ferry.nexmark.queries.NexmarkQuery;

import java.util.List;
import java.util.Optional;

/**
 * One query's result: both variants' events per second per core, and A's median over B's, or
 * why it has none.
 *
 * @param note the skip reason or the first failure, if any
 */
public record QuerySummary(NexmarkQuery query, Statistics ferry, Statistics stock, Optional<String> note) {

    static QuerySummary of(NexmarkQuery query, List<RunResult> runs) {
        if (!query.runnable()) {
            Statistics none = Statistics.of(List.of());
            return new QuerySummary(
                    query,
                    none,
                    none,
                    Optional.of("skipped: " + query.skipReason().orElseThrow()));
        }
        List<RunResult> mine =
                runs.stream().filter(r -> r.query().equals(query.name())).toList();
        Optional<String> failure =
                mine.stream().flatMap(r -> r.failure().stream()).findFirst().map(f -> "failed: " + f);
        return new QuerySummary(query, rates(mine, "A"), rates(mine, "B"), failure);
    }

    /** Ferry's median over stock's; NaN without both. */
    public double ratio() {
        return ferry.median() / stock.median();
    }

    public boolean measured() {
        return !Double.isNaN(ratio());
    }

    private static Statistics rates(List<RunResult> runs, String variant) {
        return Statistics.of(runs.stream()
                .filter(r -> r.variant().equals(variant) && r.succeeded())
                .map(RunResult::eventsPerSecondPerCore)
                .toList());
    }
}
