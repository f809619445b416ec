package io.botcore.ai.analysis;

import io.botcore.ai.features.FeatureDistribution;
import java.util.Arrays;

/**
 * The feature rows of the last analyses the model answered (one row per analysed candle, at most {@code capacity}),
 * and their population stability index against the training distribution, feature by feature. Emptied when
 * another model starts serving, since drift is measured against the serving model's training rows.
 *
 * <p>Thread-safe.
 */
final class DriftWindow {

    /** Fewer rows than this give no PSI (NaN): ten bins need a few rows each to mean anything. */
    static final int MIN_ROWS = 50;

    private final double[][] rows;
    private int next;
    private int size;
    private String version;

    DriftWindow(int capacity) {
        this.rows = new double[capacity][];
    }

    /** Adds the row the model {@code version} just answered for; a new version empties the window first. */
    synchronized void add(String version, double[] row) {
        if (!version.equals(this.version)) {
            this.version = version;
            Arrays.fill(rows, null);
            next = 0;
            size = 0;
        }
        rows[next] = row.clone();
        next = (next + 1) % rows.length;
        size = Math.min(size + 1, rows.length);
    }

    /** Rows held for {@code version}. */
    synchronized int size(String version) {
        return version != null && version.equals(this.version) ? size : 0;
    }

    /** PSI of column {@code column} for the model {@code version}; NaN with fewer than {@link #MIN_ROWS} rows. */
    synchronized double psi(String version, FeatureDistribution distribution, int column) {
        if (size(version) < MIN_ROWS) {
            return Double.NaN;
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = rows[i][column];
        }
        return distribution.psi(column, values);
    }
}
