package dev.ferry.bench.nexmark;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** nexmark.png: median events/s per core of both variants, grouped per measured query. */
final class BenchChart {

    private BenchChart() {}

    static void write(BenchReport report, Path png) throws IOException {
        List<QuerySummary> measured =
                report.summaries().stream().filter(QuerySummary::measured).toList();
        // XChart cannot draw a category chart without categories: "none" stands in.
        List<String> names = measured.isEmpty()
                ? List.of("none")
                : measured.stream().map(q -> q.query().name()).toList();
        CategoryChart chart = new CategoryChartBuilder()
                .width(1400)
                .height(600)
                .title(String.format(
                        Locale.ROOT,
                        "Nexmark, %,d events, parallelism %d: geometric mean A/B %.2f",
                        report.settings().events(),
                        report.settings().parallelism(),
                        report.geometricMean()))
                .xAxisTitle("query")
                .yAxisTitle("median K events/s per core")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.addSeries("A: Ferry defaults", names, values(measured, true));
        chart.addSeries("B: stock Flink", names, values(measured, false));
        String file = png.toString();
        BitmapEncoder.saveBitmap(
                chart, file.substring(0, file.length() - ".png".length()), BitmapEncoder.BitmapFormat.PNG);
    }

    private static List<Double> values(List<QuerySummary> measured, boolean ferry) {
        if (measured.isEmpty()) {
            return List.of(0.0);
        }
        return measured.stream()
                .map(q -> (ferry ? q.ferry() : q.stock()).median() / 1000)
                .toList();
    }
}
