package dev.ferry.bench.report;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Median, min and max of one variant's completed runs; runs that did not complete are counted
 * but have no time. {@code details} counts the runs' detail values, e.g. "attempt 2: 4".
 */
public record BenchSummary(
        BenchVariant variant, int runs, int completed, double median, double min, double max, String details) {

    public static BenchSummary of(BenchVariant variant, List<BenchRun> runs) {
        List<Double> times = runs.stream()
                .filter(BenchRun::completed)
                .map(BenchRun::seconds)
                .sorted()
                .toList();
        String details = runs.stream()
                .map(BenchRun::detail)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return new BenchSummary(
                variant,
                runs.size(),
                times.size(),
                median(times),
                times.isEmpty() ? Double.NaN : times.get(0),
                times.isEmpty() ? Double.NaN : times.get(times.size() - 1),
                details);
    }

    /** The middle value; of an even count, the mean of the middle two. */
    static double median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
