package io.botcore.core.market;

import java.time.Duration;
import java.util.Locale;

/**
 * Length of one candle, with the code Binance uses for it ({@code 1m}, {@code 1h}, {@code 1w}, ...).
 *
 * <p>Open times are UTC epoch milliseconds. A candle of interval {@code i} opens at a time that is
 * {@linkplain #isAligned(long) aligned}: for intervals up to one day, a whole multiple of
 * {@link #millis()} since the epoch (Binance's convention); for {@link #W1}, a Monday 00:00 UTC. For
 * {@link #D3} only the UTC day boundary is checked, since which day a three-day run starts on is the
 * exchange's choice; consecutive candles of one series still have to be whole intervals apart.
 *
 * <p>Immutable and thread-safe.
 */
public enum Interval {
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H8("8h", 8 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    D3("3d", 3 * 86_400_000L),
    W1("1w", 7 * 86_400_000L);

    private static final long DAY_MILLIS = 86_400_000L;
    /** 1970-01-01 was a Thursday: the first Monday 00:00 UTC is four days later. */
    private static final long FIRST_MONDAY_MILLIS = 4 * DAY_MILLIS;

    private final String code;
    private final long millis;

    Interval(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** Binance's code for this interval, for example {@code "1h"}. */
    public String code() {
        return code;
    }

    /** Length of one candle in milliseconds. */
    public long millis() {
        return millis;
    }

    /** Length of one candle. */
    public Duration duration() {
        return Duration.ofMillis(millis);
    }

    /**
     * Whether a candle of this interval may open at {@code openTimeMillis} (UTC epoch milliseconds).
     */
    public boolean isAligned(long openTimeMillis) {
        return switch (this) {
            case D3 -> Math.floorMod(openTimeMillis, DAY_MILLIS) == 0;
            case W1 -> Math.floorMod(openTimeMillis - FIRST_MONDAY_MILLIS, millis) == 0;
            default -> Math.floorMod(openTimeMillis, millis) == 0;
        };
    }

    /**
     * The interval with this Binance code.
     *
     * @throws IllegalArgumentException if no interval has that code; the message lists the valid codes
     */
    public static Interval fromCode(String code) {
        for (Interval interval : values()) {
            if (interval.code.equals(code)) {
                return interval;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (Interval interval : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(interval.code);
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "unknown interval '%s'; valid intervals: %s", code, valid));
    }

    @Override
    public String toString() {
        return code;
    }
}
