package io.botcore.core.backtest;

import io.botcore.core.market.Interval;
import java.time.Instant;
import java.util.Arrays;

/**
 * Equity of the account at the start and after every candle of a backtest, marked at the close, as {@code double}
 * for statistics (the exact final equity is in {@link PerformanceMetrics#finalEquity()}).
 *
 * <p>Point {@code i} is the equity at the close time (open time plus interval, UTC epoch milliseconds) of the
 * {@code i}-th distinct candle open time of the backtest; {@link #startTime()} and {@link #startEquity()} are the
 * open of the first candle and the initial cash.
 *
 * <p>Immutable and thread-safe.
 */
public final class EquityCurve {

    private final Interval interval;
    private final long startTime;
    private final double startEquity;
    private final long[] times;
    private final double[] equity;
    private final boolean[] inMarket;

    EquityCurve(Interval interval, long startTime, double startEquity, long[] times, double[] equity,
            boolean[] inMarket) {
        this.interval = interval;
        this.startTime = startTime;
        this.startEquity = startEquity;
        this.times = times;
        this.equity = equity;
        this.inMarket = inMarket;
    }

    /** Interval of the candles. */
    public Interval interval() {
        return interval;
    }

    /** Number of points after the start. */
    public int size() {
        return times.length;
    }

    /** Open time of the first candle, UTC. */
    public Instant startTime() {
        return Instant.ofEpochMilli(startTime);
    }

    /** Initial cash, quote asset. */
    public double startEquity() {
        return startEquity;
    }

    /** Close time of point {@code i}, UTC epoch milliseconds. */
    public long timeMillis(int i) {
        return times[i];
    }

    /** Close time of point {@code i}, UTC. */
    public Instant time(int i) {
        return Instant.ofEpochMilli(times[i]);
    }

    /** Equity at point {@code i}, quote asset. */
    public double equity(int i) {
        return equity[i];
    }

    /** Whether a position was open at point {@code i}. */
    public boolean inMarket(int i) {
        return inMarket[i];
    }

    /** A copy of the equity values. */
    public double[] equities() {
        return equity.clone();
    }

    /** A copy of the close times, UTC epoch milliseconds. */
    public long[] times() {
        return times.clone();
    }

    /**
     * Curves of consecutive runs joined into one: the first curve's start, then every point of each curve in turn.
     * Each run should start with the equity the previous one ended with (a walk-forward carries its cash from one
     * out-of-sample window to the next), so that the joined returns are the runs' returns.
     *
     * @throws IllegalArgumentException if there are no curves, intervals differ or a curve does not start after the
     *                                  previous one's last point
     */
    public static EquityCurve stitch(java.util.List<EquityCurve> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to stitch");
        }
        EquityCurve first = parts.get(0);
        int size = parts.stream().mapToInt(EquityCurve::size).sum();
        long[] times = new long[size];
        double[] equity = new double[size];
        boolean[] inMarket = new boolean[size];
        int at = 0;
        long last = Long.MIN_VALUE;
        for (EquityCurve part : parts) {
            if (part.interval != first.interval) {
                throw new IllegalArgumentException("cannot stitch " + part.interval + " to " + first.interval);
            }
            if (part.startTime < last) {
                throw new IllegalArgumentException("curve starting " + part.startTime() + " overlaps the previous one");
            }
            System.arraycopy(part.times, 0, times, at, part.size());
            System.arraycopy(part.equity, 0, equity, at, part.size());
            System.arraycopy(part.inMarket, 0, inMarket, at, part.size());
            at += part.size();
            last = part.size() == 0 ? last : part.times[part.size() - 1];
        }
        return new EquityCurve(first.interval, first.startTime, first.startEquity, times, equity, inMarket);
    }

    /** Equal when every field and point is equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EquityCurve that && interval == that.interval && startTime == that.startTime
                && Double.compare(startEquity, that.startEquity) == 0 && Arrays.equals(times, that.times)
                && Arrays.equals(equity, that.equity) && Arrays.equals(inMarket, that.inMarket);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(equity);
    }

    @Override
    public String toString() {
        return "EquityCurve[" + interval + ", " + times.length + " points from " + startTime() + "]";
    }

    /** Collects the points of a backtest, or of a paper bot's stored equity history. Not thread-safe. */
    public static final class Builder {

        private final Interval interval;
        private final long startTime;
        private final double startEquity;
        private long[] times = new long[1024];
        private double[] equity = new double[1024];
        private boolean[] inMarket = new boolean[1024];
        private int size;

        /**
         * @param interval    interval of the candles
         * @param startTime   open time of the first candle, UTC epoch milliseconds
         * @param startEquity initial cash, quote asset
         */
        public Builder(Interval interval, long startTime, double startEquity) {
            this.interval = interval;
            this.startTime = startTime;
            this.startEquity = startEquity;
        }

        /** Adds the equity at close time {@code time} (UTC epoch ms) and whether a position was open then. */
        public void add(long time, double value, boolean holding) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                equity = Arrays.copyOf(equity, size * 2);
                inMarket = Arrays.copyOf(inMarket, size * 2);
            }
            times[size] = time;
            equity[size] = value;
            inMarket[size] = holding;
            size++;
        }

        /** Replaces the equity of the last point (after the end-of-data settlement). */
        void replaceLast(double value) {
            equity[size - 1] = value;
        }

        public EquityCurve build() {
            return new EquityCurve(interval, startTime, startEquity, Arrays.copyOf(times, size),
                    Arrays.copyOf(equity, size), Arrays.copyOf(inMarket, size));
        }
    }
}
