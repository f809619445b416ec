package io.botcore.ai.features;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The feature values of every bar of one candle series: row {@code t} belongs to bar {@code t}, columns in
 * {@link Feature} order. Rows before {@link #firstComplete()} hold NaN in at least one column (indicator
 * warm-up); every row from it on is finite.
 *
 * <p>Immutable and thread-safe: the accessors copy.
 */
public final class FeatureMatrix {

    private final long[] openTimes;
    private final double[] values;
    private final int columns;
    private final int firstComplete;

    FeatureMatrix(long[] openTimes, double[] values, int columns, int firstComplete) {
        this.openTimes = openTimes;
        this.values = values;
        this.columns = columns;
        this.firstComplete = firstComplete;
    }

    /** The column names, in order. */
    public static List<String> columnNames() {
        return Arrays.stream(Feature.values()).map(Feature::column).toList();
    }

    /** Number of rows, equal to the number of candles. */
    public int rows() {
        return openTimes.length;
    }

    /** Number of columns. */
    public int columns() {
        return columns;
    }

    /** Index of the first row without NaN; {@link #rows()} when there is none. */
    public int firstComplete() {
        return firstComplete;
    }

    /** Open time of bar {@code row}, UTC epoch milliseconds. */
    public long openTime(int row) {
        return openTimes[Objects.checkIndex(row, openTimes.length)];
    }

    /** One value. */
    public double get(int row, Feature feature) {
        return values[Objects.checkIndex(row, openTimes.length) * columns + feature.ordinal()];
    }

    /** A copy of row {@code row}. */
    public double[] row(int row) {
        int start = Objects.checkIndex(row, openTimes.length) * columns;
        return Arrays.copyOfRange(values, start, start + columns);
    }

    /** Copies of rows [{@code from}, {@code to}). */
    public double[][] rows(int from, int to) {
        Objects.checkFromToIndex(from, to, openTimes.length);
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = row(i);
        }
        return out;
    }
}
