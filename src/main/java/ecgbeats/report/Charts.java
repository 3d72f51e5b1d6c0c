package ecgbeats.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The report's charts, drawn by XChart into PNG bytes. */
final class Charts {

    static final int WIDTH = 560;
    static final int HEIGHT = 360;

    private Charts() {
    }

    static {
        System.setProperty("java.awt.headless", "true"); // reports are drawn without a display
    }

    /** Lines over a shared x axis, one per named series. */
    static XYChart lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        // below the plot: inside, a legend hides the points it names (the best ones, often, top right)
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setChartBackgroundColor(Color.WHITE);
        series.forEach((name, y) -> c.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE));
        return c;
    }

    /** Points, optionally with category names for the x values 0, 1, ... */
    static XYChart scatter(String title, String xTitle, String yTitle, double[] x, double[] y,
                           List<String> categories) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setLegendVisible(false)
                .setChartBackgroundColor(Color.WHITE).setMarkerSize(8);
        c.addSeries(yTitle, x, y);
        if (categories != null) {
            Map<Object, Object> labels = new java.util.HashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                labels.put((double) i, categories.get(i));
            }
            c.setCustomXAxisTickLabelsFormatter(v -> {
                Object label = labels.get((double) Math.round(v));
                return label != null && Math.abs(v - Math.round(v)) < 1e-9 ? label.toString() : "";
            });
        }
        return c;
    }

    /** A heat map of {@code z[row][column]} (values 0–1), rows and columns named. */
    static HeatMapChart heatMap(String title, List<String> columns, List<String> rows, double[][] z) {
        HeatMapChart c = new HeatMapChartBuilder().width(480).height(420).title(title).xAxisTitle("predicted")
                .yAxisTitle("true").build();
        c.getStyler().setShowValue(true).setMin(0).setMax(1)
                .setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0x9ECAE1), new Color(0x4292C6)})
                .setValueFontColor(Color.BLACK);
        c.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(false);
        List<Number[]> cells = new java.util.ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int col = 0; col < columns.size(); col++) {
                cells.add(new Number[] {col, r, Math.round(z[r][col] * 100) / 100.0});
            }
        }
        c.addSeries("confusion", columns, rows, cells);
        return c;
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
