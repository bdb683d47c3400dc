package dev.ferry.bench.nexmark;

import dev.ferry.nexmark.queries.NexmarkQuery;

import java.util.List;
import java.util.Optional;

/**
 * One query's result: both variants' statistics and A's median over B's, or why it has none.
 *
 * @param note the skip reason or the first failure, if any
 */
public record QuerySummary(NexmarkQuery query, Stats ferry, Stats stock, Optional<String> note) {

    static QuerySummary of(NexmarkQuery query, List<RunResult> runs) {
        if (!query.runnable()) {
            return new QuerySummary(
                    query,
                    Stats.of(List.of()),
                    Stats.of(List.of()),
                    Optional.of("skipped: " + query.skipReason().orElseThrow()));
        }
        List<RunResult> mine =
                runs.stream().filter(r -> r.query().equals(query.name())).toList();
        Optional<String> failure =
                mine.stream().flatMap(r -> r.failure().stream()).findFirst().map(f -> "failed: " + f);
        return new QuerySummary(query, Stats.of(variant(mine, "A")), Stats.of(variant(mine, "B")), failure);
    }

    /** Ferry's median over stock's; NaN without both. */
    public double ratio() {
        return ferry.median() / stock.median();
    }

    public boolean measured() {
        return !Double.isNaN(ratio());
    }

    private static List<RunResult> variant(List<RunResult> runs, String id) {
        return runs.stream().filter(r -> r.variant().equals(id)).toList();
    }
}
