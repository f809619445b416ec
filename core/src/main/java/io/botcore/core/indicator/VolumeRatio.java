package io.botcore.core.indicator;

/**
 * Volume against its simple moving average: {@code volume / SMA(period) of volume}, the current volume
 * included in the average; dimensionless (2.0 means twice the average). When the average is 0 (no volume in
 * the whole window) the ratio is 0. First defined at index {@code period - 1}. The volume SMA itself, in base
 * asset units, is {@link #average()} here and {@link Sma#compute(double[], int)} in batch.
 *
 * <p>Streaming instances are not thread-safe; {@link #compute(double[], int)} is.
 */
public final class VolumeRatio {

    private final RollingWindow window;
    private double volume = Double.NaN;

    /** @param period number of volumes averaged, {@code >= 1} */
    public VolumeRatio(int period) {
        window = new RollingWindow(Periods.check("period", period));
    }

    /** Adds the next volume; the ratio, or NaN before {@code period} volumes. */
    public double update(double volume) {
        window.add(volume);
        this.volume = volume;
        return value();
    }

    /** Whether {@code period} volumes have been seen. */
    public boolean isReady() {
        return window.isFull();
    }

    /** The current ratio, or NaN before it is ready. */
    public double value() {
        return window.isFull() ? ratio(volume, window.mean()) : Double.NaN;
    }

    /** The current volume average, or NaN before it is ready. */
    public double average() {
        return window.isFull() ? window.mean() : Double.NaN;
    }

    /** The ratio at every index of {@code volumes}; NaN before index {@code period - 1}. */
    public static double[] compute(double[] volumes, int period) {
        double[] average = Sma.compute(volumes, period);
        double[] out = new double[volumes.length];
        for (int i = 0; i < volumes.length; i++) {
            out[i] = Double.isNaN(average[i]) ? Double.NaN : ratio(volumes[i], average[i]);
        }
        return out;
    }

    private static double ratio(double volume, double average) {
        return average == 0 ? 0 : volume / average;
    }
}
