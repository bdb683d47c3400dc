package dev.ferry.bench.report;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One variant's runs: the statistics of the completed ones' seconds (runs that did not complete
 * are counted but have no time), and {@code details}, its runs' detail values counted, e.g.
 * "attempt 2: 4".
 */
public record BenchSummary(BenchVariant variant, int runs, Statistics seconds, String details) {

    public static BenchSummary of(BenchVariant variant, List<BenchRun> runs) {
        Statistics seconds = Statistics.of(
                runs.stream().filter(BenchRun::completed).map(BenchRun::seconds).toList());
        String details = runs.stream()
                .map(BenchRun::detail)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return new BenchSummary(variant, runs.size(), seconds, details);
    }

    public int completed() {
        return seconds.count();
    }
}
