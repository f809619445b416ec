package io.botcore.app.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

/**
 * A time-series line chart drawn as inline SVG: one or more series over a shared time axis, y-axis labels at the
 * bottom, middle and top, dates at both ends and a legend. Long series are thinned per pixel column to their
 * first, lowest, highest and last point, so spikes and the deepest drawdown stay visible.
 *
 * <p>Not thread-safe; build, then {@link #appendTo}.
 */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 280;
    private static final int LEFT = 80;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 28;
    private static final String[] COLOURS = {"#1f6feb", "#8b949e", "#d29922", "#8250df", "#1a7f37"};

    /** How a y value is labelled. */
    enum Axis { MONEY, PERCENT }

    private record Series(String name, long[] times, double[] values, boolean fill) {
    }

    private final String title;
    private final Axis axis;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, Axis axis) {
        this.title = title;
        this.axis = axis;
    }

    /** Adds a line; {@code times} in epoch ms, ascending, as long as {@code values}. */
    SvgChart line(String name, long[] times, double[] values) {
        series.add(new Series(name, times, values, false));
        return this;
    }

    /** Adds a series filled down to zero (a drawdown). */
    SvgChart area(String name, long[] times, double[] values) {
        series.add(new Series(name, times, values, true));
        return this;
    }

    void appendTo(Element parent) {
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.times().length == 0) {
                continue;
            }
            t0 = Math.min(t0, s.times()[0]);
            t1 = Math.max(t1, s.times()[s.times().length - 1]);
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (s.fill()) {
                lo = Math.min(lo, 0);
                hi = Math.max(hi, 0);
            }
        }
        Element figure = parent.appendElement("figure").addClass("chart");
        figure.appendElement("figcaption").text(title);
        Element svg = figure.appendElement("svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT).attr("role", "img").attr("aria-label", title);
        if (t0 >= t1 || !(lo <= hi)) {
            svg.appendElement("text").attr("x", "20").attr("y", "40").text("no data");
            return;
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        Scale scale = new Scale(t0, t1, lo, hi);
        for (double v : new double[] {lo, (lo + hi) / 2, hi}) {
            String y = fmt(scale.y(v));
            svg.appendElement("line").attr("x1", fmt(LEFT)).attr("x2", fmt(WIDTH - RIGHT)).attr("y1", y).attr("y2", y)
                    .attr("class", "grid");
            svg.appendElement("text").attr("x", fmt(LEFT - 6)).attr("y", y).attr("text-anchor", "end")
                    .attr("dominant-baseline", "middle").text(label(v));
        }
        svg.appendElement("text").attr("x", fmt(LEFT)).attr("y", fmt(HEIGHT - 8)).text(date(t0));
        svg.appendElement("text").attr("x", fmt(WIDTH - RIGHT)).attr("y", fmt(HEIGHT - 8)).attr("text-anchor", "end")
                .text(date(t1));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            String points = points(s, scale);
            if (s.fill()) {
                String zero = fmt(scale.y(0));
                String first = fmt(scale.x(s.times()[0]));
                String last = fmt(scale.x(s.times()[s.times().length - 1]));
                svg.appendElement("polygon").attr("points", first + "," + zero + " " + points + " " + last + "," + zero)
                        .attr("fill", colour).attr("fill-opacity", "0.35").attr("stroke", colour);
            } else {
                svg.appendElement("polyline").attr("points", points).attr("fill", "none").attr("stroke", colour)
                        .attr("stroke-width", "1.5");
            }
            svg.appendElement("rect").attr("x", fmt(LEFT + 10 + i * 200)).attr("y", "8").attr("width", "12")
                    .attr("height", "12").attr("fill", colour);
            svg.appendElement("text").attr("x", fmt(LEFT + 28 + i * 200)).attr("y", "18").text(s.name());
        }
    }

    private String label(double v) {
        return axis == Axis.PERCENT ? String.format(Locale.ROOT, "%.1f %%", v * 100)
                : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String date(long millis) {
        return Instant.ofEpochMilli(millis).toString().substring(0, 10);
    }

    /** The series' points, thinned to first/min/max/last per pixel column. */
    private static String points(Series s, Scale scale) {
        StringBuilder out = new StringBuilder();
        int column = Integer.MIN_VALUE;
        int first = -1;
        int min = -1;
        int max = -1;
        int last = -1;
        for (int i = 0; i <= s.times().length; i++) {
            int c = i < s.times().length ? (int) scale.x(s.times()[i]) : Integer.MAX_VALUE;
            if (c != column && first >= 0) {
                int[] chosen = {first, min, max, last};
                java.util.Arrays.sort(chosen);
                int previous = -1;
                for (int k : chosen) {
                    if (k != previous && Double.isFinite(s.values()[k])) {
                        out.append(out.length() == 0 ? "" : " ").append(fmt(scale.x(s.times()[k]))).append(',')
                                .append(fmt(scale.y(s.values()[k])));
                    }
                    previous = k;
                }
                first = -1;
            }
            if (i == s.times().length) {
                break;
            }
            if (first < 0) {
                column = c;
                first = i;
                min = i;
                max = i;
            }
            if (s.values()[i] < s.values()[min]) {
                min = i;
            }
            if (s.values()[i] > s.values()[max]) {
                max = i;
            }
            last = i;
        }
        return out.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Scale(long t0, long t1, double lo, double hi) {

        double x(long t) {
            return LEFT + (double) (t - t0) / (t1 - t0) * (WIDTH - LEFT - RIGHT);
        }

        double y(double v) {
            return TOP + (hi - v) / (hi - lo) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
