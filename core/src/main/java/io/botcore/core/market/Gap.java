package io.botcore.core.market;

/**
 * Missing candles in a series: {@code missingCount} intervals are absent right after the candle that opened
 * at {@code afterOpenTime} (UTC epoch milliseconds). A gap is reported, never filled.
 *
 * <p>Immutable and thread-safe.
 *
 * @param afterOpenTime open time of the last candle before the gap, UTC epoch milliseconds
 * @param missingCount  number of whole intervals missing, {@code >= 1}
 */
public record Gap(long afterOpenTime, long missingCount) {

    public Gap {
        if (missingCount < 1) {
            throw new IllegalArgumentException("missingCount must be >= 1 but is " + missingCount);
        }
    }
}
