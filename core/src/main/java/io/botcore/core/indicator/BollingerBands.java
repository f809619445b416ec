package io.botcore.core.indicator;

/**
 * Bollinger bands, in the unit of their input: middle = SMA(period); upper and lower = middle +/- k times the
 * population standard deviation (divided by {@code period}) of the same values. First defined at index
 * {@code period - 1}. The usual parameters are 20 and 2.0.
 *
 * <p>Streaming instances are not thread-safe; {@link #compute(double[], int, double)} is.
 */
public final class BollingerBands {

    private final int period;
    private final double k;
    private final RollingWindow window;
    private double middle = Double.NaN;
    private double deviation = Double.NaN;

    /**
     * @param period number of values, {@code >= 1}
     * @param k      width of the bands in standard deviations, finite and {@code >= 0}
     */
    public BollingerBands(int period, double k) {
        this.period = Periods.check("period", period);
        this.k = checkK(k);
        this.window = new RollingWindow(period);
    }

    private static double checkK(double k) {
        if (!Double.isFinite(k) || k < 0) {
            throw new IllegalArgumentException("k must be finite and >= 0 but is " + k);
        }
        return k;
    }

    /** Adds the next value (usually a close). */
    public void update(double x) {
        window.add(x);
        if (window.isFull()) {
            middle = window.mean();
            deviation = Math.sqrt(window.squaredDeviations(middle) / period);
        }
    }

    /** Whether {@code period} values have been seen. */
    public boolean isReady() {
        return window.isFull();
    }

    /** The simple moving average, or NaN before it is ready. */
    public double middle() {
        return middle;
    }

    /** Middle plus k deviations, or NaN before it is ready. */
    public double upper() {
        return middle + k * deviation;
    }

    /** Middle minus k deviations, or NaN before it is ready. */
    public double lower() {
        return middle - k * deviation;
    }

    /** Population standard deviation of the window, or NaN before it is ready. */
    public double deviation() {
        return deviation;
    }

    /** Middle, upper and lower band at every index of {@code values}; NaN before index {@code period - 1}. */
    public static Values compute(double[] values, int period, double k) {
        checkK(k);
        double[] middle = Sma.compute(values, period);
        double[] upper = Periods.nanArray(values.length);
        double[] lower = Periods.nanArray(values.length);
        for (int i = period - 1; i < values.length; i++) {
            double mean = middle[i];
            double squares = 0;
            for (int j = i - period + 1; j <= i; j++) {
                double d = values[j] - mean;
                squares += d * d;
            }
            double deviation = Math.sqrt(squares / period);
            upper[i] = mean + k * deviation;
            lower[i] = mean - k * deviation;
        }
        return new Values(middle, upper, lower);
    }

    /**
     * Band columns aligned with the input, in the input's unit. The arrays are shared, not copied: treat them
     * as read-only; so treated, the record is safe to share between threads.
     *
     * @param middle simple moving average
     * @param upper  middle + k deviations
     * @param lower  middle - k deviations
     */
    public record Values(double[] middle, double[] upper, double[] lower) {
    }
}
