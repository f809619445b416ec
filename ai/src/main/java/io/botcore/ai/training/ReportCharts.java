package io.botcore.ai.training;

import io.botcore.ai.evaluation.CalibrationCurve;
import io.botcore.ai.evaluation.TradingResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's two pictures, drawn with JFreeChart into PNG files: equity curves and a calibration
 * (reliability) diagram.
 *
 * <p>Stateless and thread-safe.
 */
final class ReportCharts {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 600;
    /** Plot every bar up to this many, then every k-th bar, the last always included. */
    private static final int MAX_POINTS = 4000;
    private static final Color[] PALETTE = {new Color(0xD6, 0x27, 0x28), new Color(0x1F, 0x77, 0xB4),
        new Color(0x2C, 0xA0, 0x2C), new Color(0xFF, 0x7F, 0x0E), new Color(0x94, 0x67, 0xBD),
        new Color(0x8C, 0x56, 0x4B)};

    private ReportCharts() {
    }

    /** Equity of each strategy over time, on a log scale. */
    static void equity(Path file, String title, List<TradingResult> results) throws IOException {
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        for (TradingResult result : results) {
            TimeSeries series = new TimeSeries(result.name());
            long[] times = result.openTimes();
            double[] equity = result.equity();
            int step = Math.max(1, times.length / MAX_POINTS);
            for (int i = 0; i < times.length; i++) {
                if (i % step == 0 || i == times.length - 1) {
                    series.add(new FixedMillisecond(times[i]), equity[i]);
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "time (UTC)", "equity (start = 1)", data,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone("UTC"));
        LogAxis range = new LogAxis("equity (start = 1, log scale)");
        range.setSmallestValue(1e-3);
        range.setNumberFormatOverride(new DecimalFormat("0.0##"));
        plot.setRangeAxis(range);
        for (int i = 0; i < results.size(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.5f));
            plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Observed frequency against mean predicted probability per bin, one line per model, and the diagonal. */
    static void calibration(Path file, String title, List<String> names, List<CalibrationCurve> curves)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries diagonal = new XYSeries("perfectly calibrated");
        diagonal.add(0.0, 0.0);
        diagonal.add(1.0, 1.0);
        data.addSeries(diagonal);
        for (int m = 0; m < curves.size(); m++) {
            XYSeries series = new XYSeries(names.get(m));
            for (CalibrationCurve.Bin bin : curves.get(m).bins()) {
                series.add(bin.meanPredicted(), bin.observed());
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "mean predicted probability",
                "observed frequency", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Color.GRAY);
        for (int m = 0; m < curves.size(); m++) {
            renderer.setSeriesPaint(m + 1, PALETTE[m % PALETTE.length]);
        }
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 6f}, 0f));
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, HEIGHT, HEIGHT);
    }
}
