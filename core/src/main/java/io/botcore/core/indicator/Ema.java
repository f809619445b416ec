package io.botcore.core.indicator;

/**
 * Exponential moving average with smoothing {@code 2 / (period + 1)}, in the unit of its input, seeded with
 * the simple average of the first {@code period} values (so first defined at index {@code period - 1}).
 *
 * <p>Streaming instances are not thread-safe; {@link #compute(double[], int)} is.
 */
public final class Ema {

    private final int period;
    private final double alpha;
    private int seen;
    private double seedSum;
    private double value = Double.NaN;

    /** @param period length of the average, {@code >= 1} */
    public Ema(int period) {
        this.period = Periods.check("period", period);
        this.alpha = 2.0 / (period + 1);
    }

    /** Adds the next value; the average, or NaN before {@code period} values. */
    public double update(double x) {
        if (seen < period) {
            seedSum += x;
            seen++;
            if (seen == period) {
                value = seedSum / period;
            }
        } else {
            value = value + alpha * (x - value);
        }
        return value;
    }

    /** Whether {@code period} values have been seen. */
    public boolean isReady() {
        return seen == period;
    }

    /** The current average, or NaN before it is ready. */
    public double value() {
        return value;
    }

    /** The average at every index of {@code values}; NaN before index {@code period - 1}. */
    public static double[] compute(double[] values, int period) {
        return compute(values, 0, period);
    }

    /** As {@link #compute(double[], int)} over {@code values[from..]}; NaN before index {@code from + period - 1}. */
    static double[] compute(double[] values, int from, int period) {
        Periods.check("period", period);
        double[] out = Periods.nanArray(values.length);
        int seedEnd = from + period - 1;
        if (seedEnd >= values.length) {
            return out;
        }
        double alpha = 2.0 / (period + 1);
        double sum = 0;
        for (int i = from; i <= seedEnd; i++) {
            sum += values[i];
        }
        double ema = sum / period;
        out[seedEnd] = ema;
        for (int i = seedEnd + 1; i < values.length; i++) {
            ema = ema + alpha * (values[i] - ema);
            out[i] = ema;
        }
        return out;
    }
}
