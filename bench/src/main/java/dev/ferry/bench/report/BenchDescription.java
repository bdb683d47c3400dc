package dev.ferry.bench.report;

import java.util.List;

/**
 * What a bench measures, in the words its report uses.
 *
 * @param name the bench's name; its chart is {@code <name>.png}
 * @param title the report's heading and the chart's title
 * @param completedHeader table header counting completed runs, e.g. "ready" or "RUNNING"
 * @param detailsHeader table header for the counted run details, or empty for no such column
 * @param method how a run is measured, one Markdown line each
 * @param comparisons which variants' medians the report divides, e.g. A against B
 * @param rerun the command that repeats the bench
 */
public record BenchDescription(
        String name,
        String title,
        String completedHeader,
        String detailsHeader,
        List<String> method,
        List<Comparison> comparisons,
        String rerun) {

    public BenchDescription {
        method = List.copyOf(method);
        comparisons = List.copyOf(comparisons);
    }

    /** The median of variant {@code of} divided by the median of variant {@code against}. */
    public record Comparison(String of, String against) {}
}
