package dev.ferry.bench.report;

import java.util.Collection;
import java.util.List;

/**
 * Median, min and max of some measured values, e.g. a variant's seconds or events per second;
 * NaN for all three when nothing was measured.
 */
public record Statistics(int count, double median, double min, double max) {

    public static Statistics of(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Statistics(n, median(sorted), sorted.get(0), sorted.get(n - 1));
    }

    /** The middle value; of an even count, the mean of the middle two. */
    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
