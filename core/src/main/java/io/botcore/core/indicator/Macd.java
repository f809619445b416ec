package io.botcore.core.indicator;

/**
 * Moving average convergence/divergence, in the unit of its input: line = EMA(fast) - EMA(slow), signal =
 * EMA(signal) of the line, histogram = line - signal. Each EMA is seeded with the simple average of its first
 * values ({@link Ema}); the line is first defined at index {@code slow - 1}, signal and histogram at index
 * {@code slow + signal - 2}. The usual parameters are 12, 26, 9.
 *
 * <p>Streaming instances are not thread-safe; {@link #compute(double[], int, int, int)} is.
 */
public final class Macd {

    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private double line = Double.NaN;

    /**
     * @param fastPeriod   period of the fast EMA, {@code >= 1}
     * @param slowPeriod   period of the slow EMA, greater than {@code fastPeriod}
     * @param signalPeriod period of the signal EMA, {@code >= 1}
     */
    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        checkPeriods(fastPeriod, slowPeriod, signalPeriod);
        fast = new Ema(fastPeriod);
        slow = new Ema(slowPeriod);
        signal = new Ema(signalPeriod);
    }

    private static void checkPeriods(int fastPeriod, int slowPeriod, int signalPeriod) {
        Periods.check("fastPeriod", fastPeriod);
        Periods.check("signalPeriod", signalPeriod);
        if (slowPeriod <= fastPeriod) {
            throw new IllegalArgumentException(
                    "slowPeriod " + slowPeriod + " must be greater than fastPeriod " + fastPeriod);
        }
    }

    /** Adds the next value (usually a close). */
    public void update(double x) {
        double fastValue = fast.update(x);
        double slowValue = slow.update(x);
        if (slow.isReady()) {
            line = fastValue - slowValue;
            signal.update(line);
        }
    }

    /** Whether the signal line (and so the histogram) is defined. */
    public boolean isReady() {
        return signal.isReady();
    }

    /** The MACD line, or NaN before index {@code slow - 1}. */
    public double line() {
        return line;
    }

    /** The signal line, or NaN before it is ready. */
    public double signal() {
        return signal.value();
    }

    /** Line minus signal, or NaN before it is ready. */
    public double histogram() {
        return line - signal.value();
    }

    /** Line, signal and histogram at every index of {@code values}; NaN during warm-up. */
    public static Values compute(double[] values, int fastPeriod, int slowPeriod, int signalPeriod) {
        checkPeriods(fastPeriod, slowPeriod, signalPeriod);
        double[] fast = Ema.compute(values, fastPeriod);
        double[] slow = Ema.compute(values, slowPeriod);
        double[] line = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            line[i] = fast[i] - slow[i];
        }
        double[] signal = Ema.compute(line, slowPeriod - 1, signalPeriod);
        double[] histogram = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            histogram[i] = line[i] - signal[i];
        }
        return new Values(line, signal, histogram);
    }

    /**
     * MACD columns aligned with the input, in the input's unit. The arrays are shared, not copied: treat them as
     * read-only; so treated, the record is safe to share between threads.
     *
     * @param line      EMA(fast) - EMA(slow)
     * @param signal    EMA of the line
     * @param histogram line - signal
     */
    public record Values(double[] line, double[] signal, double[] histogram) {
    }
}
