package io.botcore.core.indicator;

import io.botcore.core.market.Candle;

/**
 * Average true range with Wilder's smoothing, in price units. The true range of a candle is
 * {@code max(high - low, |high - previous close|, |low - previous close|)}, so it starts at the second candle;
 * the first ATR is the mean of the first {@code period} true ranges (index {@code period}), then
 * {@code atr = ((period - 1) * atr + tr) / period}.
 *
 * <p>Streaming instances are not thread-safe; {@link #compute(double[], double[], double[], int)} is.
 */
public final class Atr {

    private final int period;
    private boolean started;
    private double previousClose;
    private int ranges;
    private double value = Double.NaN;
    private double sum;

    /** @param period number of true ranges averaged, {@code >= 1} */
    public Atr(int period) {
        this.period = Periods.check("period", period);
    }

    /** Adds the next candle; the ATR, or NaN before {@code period} true ranges. */
    public double update(Candle candle) {
        return update(candle.high(), candle.low(), candle.close());
    }

    /** Adds the next candle's high, low and close; the ATR, or NaN before {@code period} true ranges. */
    public double update(double high, double low, double close) {
        if (!started) {
            started = true;
            previousClose = close;
            return value;
        }
        double tr = trueRange(high, low, previousClose);
        previousClose = close;
        if (ranges < period) {
            sum += tr;
            ranges++;
            if (ranges == period) {
                value = sum / period;
            }
        } else {
            value = ((period - 1) * value + tr) / period;
        }
        return value;
    }

    /** Whether {@code period} true ranges have been seen. */
    public boolean isReady() {
        return ranges == period;
    }

    /** The current ATR, or NaN before it is ready. */
    public double value() {
        return value;
    }

    /** The ATR at every index; NaN before index {@code period}. The three columns have equal length. */
    public static double[] compute(double[] high, double[] low, double[] close, int period) {
        Periods.check("period", period);
        Periods.sameLength("low", low, high.length);
        Periods.sameLength("close", close, high.length);
        double[] out = Periods.nanArray(high.length);
        if (high.length <= period) {
            return out;
        }
        double sum = 0;
        for (int i = 1; i <= period; i++) {
            sum += trueRange(high[i], low[i], close[i - 1]);
        }
        double atr = sum / period;
        out[period] = atr;
        for (int i = period + 1; i < high.length; i++) {
            atr = ((period - 1) * atr + trueRange(high[i], low[i], close[i - 1])) / period;
            out[i] = atr;
        }
        return out;
    }

    private static double trueRange(double high, double low, double previousClose) {
        return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }
}
