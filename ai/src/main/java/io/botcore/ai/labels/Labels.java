package io.botcore.ai.labels;

import io.botcore.core.market.CandleSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * The label of every bar of a candle series that has {@code horizon} bars after it: bar {@code t} is labelled
 * from {@code close[t]} and {@code close[t + horizon]}, so the last {@code horizon} bars have none. The horizon
 * counts bars, so across a gap in the data it spans more time.
 *
 * <p>Immutable and thread-safe.
 */
public final class Labels {

    private final LabelSpec spec;
    private final Direction[] directions;
    private final double[] forwardReturns;

    private Labels(LabelSpec spec, Direction[] directions, double[] forwardReturns) {
        this.spec = spec;
        this.directions = directions;
        this.forwardReturns = forwardReturns;
    }

    /** Labels every bar of {@code candles} that has {@code spec.horizon()} bars after it. */
    public static Labels of(CandleSeries candles, LabelSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int size = Math.max(0, candles.size() - spec.horizon());
        Direction[] directions = new Direction[size];
        double[] returns = new double[size];
        for (int t = 0; t < size; t++) {
            returns[t] = candles.close(t + spec.horizon()) / candles.close(t) - 1;
            directions[t] = spec.classify(returns[t]);
        }
        return new Labels(spec, directions, returns);
    }

    /** How the labels were made. */
    public LabelSpec spec() {
        return spec;
    }

    /** Number of labelled bars: the series' size minus the horizon (never negative). */
    public int size() {
        return directions.length;
    }

    /** The label of bar {@code t}. */
    public Direction at(int t) {
        return directions[Objects.checkIndex(t, directions.length)];
    }

    /** {@code close[t + horizon] / close[t] - 1}. */
    public double forwardReturn(int t) {
        return forwardReturns[Objects.checkIndex(t, forwardReturns.length)];
    }

    /** Labels of bars [{@code from}, {@code to}). */
    public Direction[] range(int from, int to) {
        Objects.checkFromToIndex(from, to, directions.length);
        return Arrays.copyOfRange(directions, from, to);
    }
}
