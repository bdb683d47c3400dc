package dev.ferry.bench.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Grouped bars, a group per category (a variant, a query) and a bar per series, as a PNG drawn by XChart. */
public final class BarChart {

    /** Longer category names overlap their neighbours unless slanted. */
    private static final int LONGEST_FLAT_LABEL = 12;

    private final CategoryChart chart;
    private final List<String> categories;

    public BarChart(String title, String xAxisTitle, String yAxisTitle, List<String> categories) {
        // Gateways and CI machines have no display; AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
        // XChart cannot draw a category chart without categories: "none" stands in.
        this.categories = categories.isEmpty() ? List.of("none") : List.copyOf(categories);
        this.chart = new CategoryChartBuilder()
                .width(Math.max(800, Math.min(1400, 220 * this.categories.size())))
                .height(600)
                .title(title)
                .xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle)
                .build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        if (this.categories.stream().anyMatch(c -> c.length() > LONGEST_FLAT_LABEL)) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
    }

    /** A bar per category; a value that was not measured (NaN) is drawn as 0. */
    public BarChart series(String name, List<Double> values) {
        List<Double> bars = values.isEmpty()
                ? List.of(0.0)
                : values.stream().map(v -> Double.isNaN(v) ? 0 : v).toList();
        chart.addSeries(name, categories, bars);
        return this;
    }

    /** Each bar's value written on it, for charts with few bars. */
    public BarChart withValueLabels() {
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setDecimalPattern("#0.00");
        return this;
    }

    public void writePng(Path png) throws IOException {
        String file = png.toString();
        // XChart appends the extension itself.
        BitmapEncoder.saveBitmap(
                chart, file.substring(0, file.length() - ".png".length()), BitmapEncoder.BitmapFormat.PNG);
    }
}
