package io.botcore.core.optimize;

import io.botcore.core.backtest.PerformanceMetrics;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The performance figure a search ranks candidates by. Every metric ranks higher values first except
 * {@link #MAX_DRAWDOWN}, which ranks shallower first. A value that is not a number (a Sharpe ratio without a single
 * trade, say) ranks below every number.
 */
public enum Metric {
    SHARPE(PerformanceMetrics::sharpe, true),
    SORTINO(PerformanceMetrics::sortino, true),
    CALMAR(PerformanceMetrics::calmar, true),
    TOTAL_RETURN(PerformanceMetrics::totalReturn, true),
    CAGR(PerformanceMetrics::cagr, true),
    PROFIT_FACTOR(PerformanceMetrics::profitFactor, true),
    WIN_RATE(PerformanceMetrics::winRate, true),
    EXPECTANCY(m -> m.expectancy().doubleValue(), true),
    MAX_DRAWDOWN(PerformanceMetrics::maxDrawdown, false);

    private final ToDoubleFunction<PerformanceMetrics> value;
    private final boolean higherIsBetter;

    Metric(ToDoubleFunction<PerformanceMetrics> value, boolean higherIsBetter) {
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name on the command line and in results: {@code sharpe}, {@code total_return}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The metric called {@code code} ({@code total-return} and {@code total_return} both work).
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Metric fromCode(String code) {
        String wanted = code.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Metric metric : values()) {
            if (metric.name().equals(wanted)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + code + "'; known: "
                + Arrays.stream(values()).map(Metric::code).collect(Collectors.joining(", ")));
    }

    /** This metric's value in {@code metrics}. */
    public double of(PerformanceMetrics metrics) {
        return value.applyAsDouble(metrics);
    }

    /**
     * Orders two values of this metric best first: {@code < 0} when {@code a} ranks before {@code b}. Not-a-number
     * ranks last; +/-Infinity rank as the extremes they are.
     */
    public int compareBestFirst(double a, double b) {
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        if (aNaN || bNaN) {
            return Boolean.compare(aNaN, bNaN);
        }
        return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
    }
}
