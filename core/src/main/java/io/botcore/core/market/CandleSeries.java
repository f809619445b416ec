package io.botcore.core.market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Candles of one interval in columns of primitive arrays: open time (UTC epoch milliseconds), open, high,
 * low, close (quote asset) and volume (base asset).
 *
 * <p>Every series is valid when it exists: prices finite and positive, volume finite and non-negative, open
 * and close within [low, high], open times {@linkplain Interval#isAligned(long) aligned}, strictly increasing
 * and whole intervals apart. Missing intervals are allowed and {@linkplain #gaps() reported}, never filled.
 *
 * <p>Immutable and thread-safe. The factories copy the arrays they are given; {@link #slice(int, int)} and
 * {@link #between(long, long)} are views sharing this series' storage; the column getters ({@link #closes()},
 * ...) return fresh copies.
 */
public final class CandleSeries {

    private final Interval interval;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int offset;
    private final int size;

    private CandleSeries(Interval interval, long[] openTime, double[] open, double[] high, double[] low,
            double[] close, double[] volume, int offset, int size) {
        this.interval = interval;
        this.openTime = openTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.offset = offset;
        this.size = size;
    }

    /** An empty series of this interval. */
    public static CandleSeries empty(Interval interval) {
        Objects.requireNonNull(interval, "interval");
        return new CandleSeries(interval, new long[0], new double[0], new double[0], new double[0], new double[0],
                new double[0], 0, 0);
    }

    /**
     * A series of copies of these columns, which must all have the same length.
     *
     * @throws InvalidCandleException   naming the index, open time and field of the first invalid row
     * @throws IllegalArgumentException if the columns differ in length
     */
    public static CandleSeries of(Interval interval, long[] openTime, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        Objects.requireNonNull(interval, "interval");
        int n = Objects.requireNonNull(openTime, "openTime").length;
        requireLength("open", open, n);
        requireLength("high", high, n);
        requireLength("low", low, n);
        requireLength("close", close, n);
        requireLength("volume", volume, n);
        for (int i = 0; i < n; i++) {
            checkRow(interval, i, i > 0, i > 0 ? openTime[i - 1] : 0L, openTime[i], open[i], high[i], low[i],
                    close[i], volume[i]);
        }
        return new CandleSeries(interval, openTime.clone(), open.clone(), high.clone(), low.clone(), close.clone(),
                volume.clone(), 0, n);
    }

    /**
     * A series of these candles, in order.
     *
     * @throws InvalidCandleException naming the index, open time and field of the first invalid row
     */
    public static CandleSeries of(Interval interval, List<Candle> candles) {
        Builder builder = builder(interval, candles.size());
        for (Candle candle : candles) {
            builder.add(candle);
        }
        return builder.build();
    }

    /** A builder that validates each candle as it is added; {@code expectedSize} only presizes it. */
    public static Builder builder(Interval interval, int expectedSize) {
        return new Builder(interval, expectedSize);
    }

    private static void requireLength(String name, double[] column, int expected) {
        Objects.requireNonNull(column, name);
        if (column.length != expected) {
            throw new IllegalArgumentException(
                    name + " has " + column.length + " values but openTime has " + expected);
        }
    }

    private static void checkRow(Interval interval, int index, boolean hasPrevious, long previousOpenTime,
            long openTime, double open, double high, double low, double close, double volume) {
        try {
            CandleChecks.checkOpenTime(interval, hasPrevious, previousOpenTime, openTime);
            CandleChecks.checkValues(open, high, low, close, volume);
        } catch (InvalidCandleException e) {
            throw e.at("index " + index + " (open time " + Instant.ofEpochMilli(openTime) + ")");
        }
    }

    /** Interval of every candle. */
    public Interval interval() {
        return interval;
    }

    /** Number of candles. */
    public int size() {
        return size;
    }

    /** Whether there are no candles. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Open time of candle {@code index}, UTC epoch milliseconds. */
    public long openTime(int index) {
        return openTime[at(index)];
    }

    /** Open price of candle {@code index}. */
    public double open(int index) {
        return open[at(index)];
    }

    /** High price of candle {@code index}. */
    public double high(int index) {
        return high[at(index)];
    }

    /** Low price of candle {@code index}. */
    public double low(int index) {
        return low[at(index)];
    }

    /** Close price of candle {@code index}. */
    public double close(int index) {
        return close[at(index)];
    }

    /** Base-asset volume of candle {@code index}. */
    public double volume(int index) {
        return volume[at(index)];
    }

    /** Candle {@code index} as a record. */
    public Candle candle(int index) {
        int i = at(index);
        return new Candle(openTime[i], open[i], high[i], low[i], close[i], volume[i]);
    }

    /** Open time of the first candle, UTC epoch milliseconds. */
    public long firstOpenTime() {
        requireNotEmpty();
        return openTime[offset];
    }

    /** Open time of the last candle, UTC epoch milliseconds. */
    public long lastOpenTime() {
        requireNotEmpty();
        return openTime[offset + size - 1];
    }

    /** A copy of the open times, UTC epoch milliseconds. */
    public long[] openTimes() {
        return Arrays.copyOfRange(openTime, offset, offset + size);
    }

    /** A copy of the open prices. */
    public double[] opens() {
        return Arrays.copyOfRange(open, offset, offset + size);
    }

    /** A copy of the high prices. */
    public double[] highs() {
        return Arrays.copyOfRange(high, offset, offset + size);
    }

    /** A copy of the low prices. */
    public double[] lows() {
        return Arrays.copyOfRange(low, offset, offset + size);
    }

    /** A copy of the close prices. */
    public double[] closes() {
        return Arrays.copyOfRange(close, offset, offset + size);
    }

    /** A copy of the volumes. */
    public double[] volumes() {
        return Arrays.copyOfRange(volume, offset, offset + size);
    }

    /**
     * Index of the candle that opened at {@code openTimeMillis}, or {@code -(insertion point) - 1} when there
     * is none, as {@link Arrays#binarySearch(long[], long)} does.
     */
    public int indexOf(long openTimeMillis) {
        int found = Arrays.binarySearch(openTime, offset, offset + size, openTimeMillis);
        return found >= 0 ? found - offset : found + offset;
    }

    /** The candles with index in [{@code fromIndex}, {@code toIndex}), as a view. */
    public CandleSeries slice(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return new CandleSeries(interval, openTime, open, high, low, close, volume, offset + fromIndex,
                toIndex - fromIndex);
    }

    /**
     * The candles whose open time lies in [{@code fromInclusive}, {@code toExclusive}) (UTC epoch
     * milliseconds), as a view; empty when the range holds none.
     */
    public CandleSeries between(long fromInclusive, long toExclusive) {
        if (fromInclusive >= toExclusive) {
            return slice(0, 0);
        }
        int from = insertionPoint(fromInclusive);
        int to = insertionPoint(toExclusive);
        return slice(from, to);
    }

    private int insertionPoint(long time) {
        int found = indexOf(time);
        return found >= 0 ? found : -found - 1;
    }

    /** Every run of missing intervals between consecutive candles, in time order; empty if none. */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        long step = interval.millis();
        for (int i = offset + 1; i < offset + size; i++) {
            long missing = (openTime[i] - openTime[i - 1]) / step - 1;
            if (missing > 0) {
                gaps.add(new Gap(openTime[i - 1], missing));
            }
        }
        return Collections.unmodifiableList(gaps);
    }

    private int at(int index) {
        return offset + Objects.checkIndex(index, size);
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new NoSuchElementException("the " + interval.code() + " series is empty");
        }
    }

    /** Equal when the interval and every value of every candle are equal ({@link Double#compare} semantics). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CandleSeries that) || interval != that.interval || size != that.size) {
            return false;
        }
        return Arrays.equals(openTime, offset, offset + size, that.openTime, that.offset, that.offset + size)
                && Arrays.equals(open, offset, offset + size, that.open, that.offset, that.offset + size)
                && Arrays.equals(high, offset, offset + size, that.high, that.offset, that.offset + size)
                && Arrays.equals(low, offset, offset + size, that.low, that.offset, that.offset + size)
                && Arrays.equals(close, offset, offset + size, that.close, that.offset, that.offset + size)
                && Arrays.equals(volume, offset, offset + size, that.volume, that.offset, that.offset + size);
    }

    @Override
    public int hashCode() {
        int hash = interval.hashCode();
        for (int i = offset; i < offset + size; i++) {
            hash = 31 * hash + Long.hashCode(openTime[i]);
            hash = 31 * hash + Double.hashCode(close[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        if (size == 0) {
            return "CandleSeries[" + interval.code() + ", empty]";
        }
        return "CandleSeries[" + interval.code() + ", " + size + " candles, " + Instant.ofEpochMilli(firstOpenTime())
                + " .. " + Instant.ofEpochMilli(lastOpenTime()) + "]";
    }

    /**
     * Collects candles in time order, checking each one as it comes, and makes a {@link CandleSeries}.
     *
     * <p>Not thread-safe. {@link #build()} may be called more than once; each call copies what was added.
     */
    public static final class Builder {

        private final Interval interval;
        private long[] openTime;
        private double[] open;
        private double[] high;
        private double[] low;
        private double[] close;
        private double[] volume;
        private int size;

        private Builder(Interval interval, int expectedSize) {
            this.interval = Objects.requireNonNull(interval, "interval");
            if (expectedSize < 0) {
                throw new IllegalArgumentException("expectedSize must be >= 0 but is " + expectedSize);
            }
            int capacity = Math.max(16, expectedSize);
            openTime = new long[capacity];
            open = new double[capacity];
            high = new double[capacity];
            low = new double[capacity];
            close = new double[capacity];
            volume = new double[capacity];
        }

        /** Adds a candle as a record. */
        public Builder add(Candle candle) {
            return add(candle.openTime(), candle.open(), candle.high(), candle.low(), candle.close(),
                    candle.volume());
        }

        /**
         * Adds the next candle: open time UTC epoch milliseconds, prices in the quote asset, volume in the
         * base asset.
         *
         * @throws InvalidCandleException naming the index, open time and field if the candle breaks a rule
         *                                (nothing is added then)
         */
        public Builder add(long openTime, double open, double high, double low, double close, double volume) {
            checkRow(interval, size, size > 0, size > 0 ? this.openTime[size - 1] : 0L, openTime, open, high,
                    low, close, volume);
            if (size == this.openTime.length) {
                grow();
            }
            this.openTime[size] = openTime;
            this.open[size] = open;
            this.high[size] = high;
            this.low[size] = low;
            this.close[size] = close;
            this.volume[size] = volume;
            size++;
            return this;
        }

        /** Number of candles added so far. */
        public int size() {
            return size;
        }

        private void grow() {
            int capacity = openTime.length * 2;
            openTime = Arrays.copyOf(openTime, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }

        /** A series of the candles added so far. */
        public CandleSeries build() {
            return new CandleSeries(interval, Arrays.copyOf(openTime, size), Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size), 0, size);
        }
    }
}
