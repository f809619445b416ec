package io.botcore.core.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A strategy's verdict at the close of one candle: side, confidence and the reasons behind it, so that every
 * trade can be explained later. A signal given at a candle's close can be acted on no earlier than the next
 * candle's open.
 *
 * <p>Immutable and thread-safe.
 *
 * @param openTime   open time of the candle at whose close the signal was given, UTC epoch milliseconds
 * @param side       buy, sell or hold
 * @param confidence from 0 (none) to 1 (full); 0 for a hold
 * @param reasons    the rules that fired with their indicator values; empty for a hold
 */
public record Signal(long openTime, Side side, double confidence, List<Reason> reasons) {

    public Signal {
        Objects.requireNonNull(side, "side");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but is " + confidence);
        }
        reasons = List.copyOf(reasons);
    }

    /** A signal to do nothing at the candle that opened at {@code openTime}. */
    public static Signal hold(long openTime) {
        return new Signal(openTime, Side.HOLD, 0, List.of());
    }

    /** A buy or sell for one reason. */
    public static Signal of(long openTime, Side side, double confidence, Reason reason) {
        return new Signal(openTime, side, confidence, List.of(reason));
    }

    /** Open time as an instant. */
    public Instant openInstant() {
        return Instant.ofEpochMilli(openTime);
    }
}
