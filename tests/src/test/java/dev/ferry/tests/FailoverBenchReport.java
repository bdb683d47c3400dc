package dev.ferry.tests;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The failover bench's results as results.md, results.csv and failover.png. */
final class FailoverBenchReport {

    /** A set of HA settings under test: extra options of 'ferry session start'. */
    record Variant(String id, String label, List<String> options) {}

    /** One kill -9 of a JobManager: seconds from the kill to all tasks RUNNING, on which attempt. */
    record Run(Variant variant, int index, double seconds, int attempt, boolean recovered,
               String sessionTimeout, double loadAtKill, Instant finished) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s run %d: %s after %.1f s on attempt %d (session-timeout %s, load %.2f)",
                    variant.id(), index, recovered ? "RUNNING" : "NOT back", seconds, attempt, sessionTimeout, loadAtKill);
        }
    }

    /** The machine's 1, 5 and 15 minute load averages. */
    record LoadAverage(double one, double five, double fifteen) {
        static LoadAverage now() throws IOException {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new LoadAverage(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", one, five, fifteen);
        }
    }

    /** Median, min and max of one variant's recovered runs, and the attempts they used. */
    record Summary(Variant variant, int runs, int recovered, double median, double min, double max, String attempts) {
        static Summary of(Variant variant, List<Run> runs) {
            List<Double> times = runs.stream().filter(Run::recovered).map(Run::seconds).sorted().toList();
            String attempts = runs.stream()
                    .collect(Collectors.groupingBy(Run::attempt, java.util.TreeMap::new, Collectors.counting()))
                    .entrySet().stream()
                    .map(e -> "attempt " + e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
            return new Summary(variant, runs.size(), times.size(), median(times),
                    times.isEmpty() ? Double.NaN : times.get(0),
                    times.isEmpty() ? Double.NaN : times.get(times.size() - 1), attempts);
        }

        private static double median(List<Double> sorted) {
            int n = sorted.size();
            if (n == 0) {
                return Double.NaN;
            }
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private final List<Run> runs;
    private final LoadAverage before;
    private final LoadAverage after;
    private final Instant started;
    private final Instant finished;

    FailoverBenchReport(List<Run> runs, LoadAverage before, LoadAverage after, Instant started, Instant finished) {
        this.runs = List.copyOf(runs);
        this.before = before;
        this.after = after;
        this.started = started;
        this.finished = finished;
    }

    List<Summary> summaries() {
        Map<Variant, List<Run>> byVariant = new LinkedHashMap<>();
        for (Run run : runs) {
            byVariant.computeIfAbsent(run.variant(), v -> new ArrayList<>()).add(run);
        }
        return byVariant.entrySet().stream().map(e -> Summary.of(e.getKey(), e.getValue())).toList();
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), csv());
        Files.writeString(dir.resolve("results.md"), markdown());
        chart(dir.resolve("failover.png"));
    }

    String csv() {
        StringBuilder csv = new StringBuilder(
                "variant,label,run,seconds_kill_to_running,attempt,recovered,session_timeout,load1_at_kill,finished\n");
        for (Run r : runs) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.2f,%d,%b,%s,%.2f,%s%n", r.variant().id(), r.variant().label(),
                    r.index(), r.seconds(), r.attempt(), r.recovered(), r.sessionTimeout(), r.loadAtKill(), r.finished()));
        }
        return csv.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# JobManager failover: kill -9 to all tasks RUNNING\n\n");
        md.append(String.format(Locale.ROOT, "Run %s, %.0f min, %d CPU cores. Load average (1/5/15 min) before: %s, after: %s.%n%n",
                started, Duration.between(started, finished).toSeconds() / 60.0,
                Runtime.getRuntime().availableProcessors(), before, after));
        md.append("| variant | runs | back RUNNING | median s | min s | max s | YARN attempts used |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Summary s : summaries()) {
            md.append(String.format(Locale.ROOT, "| %s: %s | %d | %d | %.1f | %.1f | %.1f | %s |%n", s.variant().id(),
                    s.variant().label(), s.runs(), s.recovered(), s.median(), s.min(), s.max(), s.attempts()));
        }
        md.append("\nVariants (A and B alternate, same YARN, HDFS and ZooKeeper; ZooKeeper tickTime 2000):\n\n");
        for (Summary s : summaries()) {
            md.append("- ").append(s.variant().id()).append(": ").append(s.variant().label()).append(": ")
                    .append(s.variant().options().isEmpty() ? "'ferry session start' as shipped"
                            : "'ferry session start' with " + String.join(" ", s.variant().options()))
                    .append('\n');
        }
        md.append("\nEvery run (seconds from kill -9 to all tasks RUNNING, attempt):\n\n");
        for (Run r : runs) {
            md.append("- ").append(r).append('\n');
        }
        md.append("\nRerun: `mvn -o -pl tests verify -Dit.test=FailoverBenchIT -Dferry.bench.runs=5`\n");
        return md.toString();
    }

    /** Grouped bars: min, median and max seconds per variant. */
    void chart(Path png) throws IOException {
        List<Summary> summaries = summaries();
        List<String> labels = summaries.stream().map(s -> s.variant().id() + ": " + s.variant().label()).toList();
        CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
                .title("JobManager kill -9 to job RUNNING (" + runs.size() / Math.max(1, summaries.size()) + " runs each)")
                .xAxisTitle("HA settings").yAxisTitle("seconds").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setDecimalPattern("#0.0");
        chart.addSeries("min", labels, summaries.stream().map(s -> zeroIfNaN(s.min())).toList());
        chart.addSeries("median", labels, summaries.stream().map(s -> zeroIfNaN(s.median())).toList());
        chart.addSeries("max", labels, summaries.stream().map(s -> zeroIfNaN(s.max())).toList());
        String file = png.toString();
        BitmapEncoder.saveBitmap(chart, file.substring(0, file.length() - ".png".length()), BitmapEncoder.BitmapFormat.PNG);
    }

    private static Number zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
