package dev.ferry.bench.nexmark;

import java.util.List;

/** Median, min and max of some runs' events per second per core (NaN when no run succeeded). */
public record Stats(int runs, double median, double min, double max) {

    static Stats of(List<RunResult> runs) {
        List<Double> rates = runs.stream()
                .filter(RunResult::succeeded)
                .map(RunResult::eventsPerSecondPerCore)
                .sorted()
                .toList();
        int n = rates.size();
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double median = n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
        return new Stats(n, median, rates.get(0), rates.get(n - 1));
    }
}
