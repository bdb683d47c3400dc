package dev.ferry.bench.report;

/**
 * One side of a comparison, e.g. "A: Ferry" or "B: stock Flink".
 *
 * @param description how this variant runs, in one sentence for the report
 */
public record BenchVariant(String id, String label, String description) {

    public String title() {
        return id + ": " + label;
    }
}
