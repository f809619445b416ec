package io.botcore.core.indicator;

/**
 * The last {@code n} values of a stream in a ring, with their running sum. To keep rounding from drifting,
 * the sum is recomputed from the window, oldest first, when the window first fills and every {@code n}
 * updates after that; in between it is updated as {@code (sum + added) - removed}. The batch forms use the
 * same schedule, so both give the same bits.
 *
 * <p>Not thread-safe.
 */
final class RollingWindow {

    private final double[] ring;
    private int oldest;
    private long count;
    private double sum;

    RollingWindow(int length) {
        ring = new double[length];
    }

    void add(double value) {
        int n = ring.length;
        if (count < n) {
            ring[(int) count] = value;
            count++;
            if (count == n) {
                sum = exactSum();
            }
            return;
        }
        double removed = ring[oldest];
        ring[oldest] = value;
        oldest = oldest + 1 == n ? 0 : oldest + 1;
        count++;
        sum = (count - n) % n == 0 ? exactSum() : (sum + value) - removed;
    }

    boolean isFull() {
        return count >= ring.length;
    }

    /** Mean of the window; meaningful once full. */
    double mean() {
        return sum / ring.length;
    }

    /** Sum of squared deviations from {@code mean}, oldest value first. */
    double squaredDeviations(double mean) {
        double total = 0;
        for (int k = 0; k < ring.length; k++) {
            int i = oldest + k < ring.length ? oldest + k : oldest + k - ring.length;
            double d = ring[i] - mean;
            total += d * d;
        }
        return total;
    }

    private double exactSum() {
        double total = 0;
        for (int k = 0; k < ring.length; k++) {
            int i = oldest + k < ring.length ? oldest + k : oldest + k - ring.length;
            total += ring[i];
        }
        return total;
    }
}
