package io.botcore.engine.feed;

import io.botcore.core.market.Candle;
import io.botcore.core.market.Interval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The closed candles of every followed symbol that opened at one time, in the feed's symbol order. Bots consume
 * candles in batches so a bot trading several symbols sees them in the same order live, in a replay and in the
 * rebuild after a restart.
 *
 * @param interval candle interval
 * @param openTime open time of every candle in the batch, UTC epoch milliseconds
 * @param candles  candle by symbol; a symbol without a candle at that time is absent
 */
public record CandleBatch(Interval interval, long openTime, Map<String, Candle> candles) {

    public CandleBatch {
        Objects.requireNonNull(interval, "interval");
        for (Candle candle : candles.values()) {
            if (candle.openTime() != openTime) {
                throw new IllegalArgumentException("candle at " + candle.openTime() + " in a batch at " + openTime);
            }
        }
        candles = Collections.unmodifiableMap(new LinkedHashMap<>(candles));
    }

    /** Close time of the batch's candles, UTC epoch milliseconds (exclusive end of the interval). */
    public long closeTime() {
        return openTime + interval.millis();
    }
}
