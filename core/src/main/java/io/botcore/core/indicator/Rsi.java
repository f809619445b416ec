package io.botcore.core.indicator;

/**
 * Relative strength index with Wilder's smoothing, from 0 to 100: {@code 100 - 100 / (1 + avgGain / avgLoss)}.
 * The first averages are the means of the first {@code period} changes, so the first value is at index
 * {@code period}; then {@code avg = ((period - 1) * avg + change) / period}. With neither gain nor loss in the
 * window the value is 50; with gains only, 100.
 *
 * <p>Streaming instances are not thread-safe; {@link #compute(double[], int)} is.
 */
public final class Rsi {

    private final int period;
    private int changes;
    private boolean started;
    private double previous;
    private double avgGain;
    private double avgLoss;
    private double value = Double.NaN;

    /** @param period number of changes averaged, {@code >= 1} */
    public Rsi(int period) {
        this.period = Periods.check("period", period);
    }

    /** Adds the next value (usually a close); the RSI, or NaN before {@code period} changes. */
    public double update(double x) {
        if (!started) {
            started = true;
            previous = x;
            return value;
        }
        double change = x - previous;
        previous = x;
        double gain = change > 0 ? change : 0;
        double loss = change < 0 ? -change : 0;
        if (changes < period) {
            avgGain += gain;
            avgLoss += loss;
            changes++;
            if (changes < period) {
                return value;
            }
            avgGain = avgGain / period;
            avgLoss = avgLoss / period;
        } else {
            avgGain = ((period - 1) * avgGain + gain) / period;
            avgLoss = ((period - 1) * avgLoss + loss) / period;
        }
        value = rsi(avgGain, avgLoss);
        return value;
    }

    /** Whether {@code period} changes have been seen. */
    public boolean isReady() {
        return changes == period;
    }

    /** The current RSI, or NaN before it is ready. */
    public double value() {
        return value;
    }

    /** The RSI at every index of {@code values}; NaN before index {@code period}. */
    public static double[] compute(double[] values, int period) {
        Periods.check("period", period);
        double[] out = Periods.nanArray(values.length);
        if (values.length <= period) {
            return out;
        }
        double avgGain = 0;
        double avgLoss = 0;
        for (int i = 1; i <= period; i++) {
            double change = values[i] - values[i - 1];
            avgGain += change > 0 ? change : 0;
            avgLoss += change < 0 ? -change : 0;
        }
        avgGain = avgGain / period;
        avgLoss = avgLoss / period;
        out[period] = rsi(avgGain, avgLoss);
        for (int i = period + 1; i < values.length; i++) {
            double change = values[i] - values[i - 1];
            avgGain = ((period - 1) * avgGain + (change > 0 ? change : 0)) / period;
            avgLoss = ((period - 1) * avgLoss + (change < 0 ? -change : 0)) / period;
            out[i] = rsi(avgGain, avgLoss);
        }
        return out;
    }

    private static double rsi(double avgGain, double avgLoss) {
        if (avgLoss == 0) {
            return avgGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }
}
