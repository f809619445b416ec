package io.botcore.core.indicator;

/**
 * Simple moving average of the last {@code period} values, in the unit of its input.
 *
 * <p>Streaming instances are not thread-safe; {@link #compute(double[], int)} is.
 */
public final class Sma {

    private final RollingWindow window;

    /** @param period number of values averaged, {@code >= 1} */
    public Sma(int period) {
        window = new RollingWindow(Periods.check("period", period));
    }

    /** Adds the next value; the average, or NaN before {@code period} values. */
    public double update(double value) {
        window.add(value);
        return value();
    }

    /** Whether {@code period} values have been seen. */
    public boolean isReady() {
        return window.isFull();
    }

    /** The current average, or NaN before it is ready. */
    public double value() {
        return window.isFull() ? window.mean() : Double.NaN;
    }

    /** The average at every index of {@code values}; NaN before index {@code period - 1}. */
    public static double[] compute(double[] values, int period) {
        Periods.check("period", period);
        double[] out = Periods.nanArray(values.length);
        double sum = 0;
        for (int i = period - 1; i < values.length; i++) {
            if ((i - (period - 1)) % period == 0) {
                sum = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    sum += values[j];
                }
            } else {
                sum = (sum + values[i]) - values[i - period];
            }
            out[i] = sum / period;
        }
        return out;
    }
}
