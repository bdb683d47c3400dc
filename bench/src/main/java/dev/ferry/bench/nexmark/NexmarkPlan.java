package dev.ferry.bench.nexmark;

import java.util.List;

/**
 * The runs a Nexmark bench measures: per query, {@code warmups} unmeasured then {@code runs}
 * measured runs of every variant, the variants alternating.
 *
 * @param queries names of runnable queries, in the order they run
 */
record NexmarkPlan(List<String> queries, long events, int parallelism, int runs, int warmups, List<Variant> variants) {

    NexmarkPlan {
        queries = List.copyOf(queries);
        variants = List.copyOf(variants);
    }
}
