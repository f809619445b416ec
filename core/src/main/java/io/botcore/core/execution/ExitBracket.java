package io.botcore.core.execution;

import java.math.BigDecimal;

/**
 * Protective exits attached to an entry order, as distances from the entry's first fill price (fractions:
 * {@code 0.02} is 2 %). Once the entry fills, the exchange places a one-cancels-the-other pair of exit orders
 * for the filled quantity: a stop (stop-loss and/or trailing stop) and a take-profit limit.
 *
 * <p>For a long entry filled at {@code E}: stop-loss at {@code E * (1 - stopLoss)} rounded down to the tick,
 * take-profit at {@code E * (1 + takeProfit)} rounded up, trailing stop at {@code H * (1 - trailingStop)} rounded
 * down, where {@code H} is the highest high since the entry (starting at {@code E}); with both stop-loss and
 * trailing stop the stop is the higher of the two. A short entry mirrors this.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stopLoss     distance of the stop-loss, in (0, 1), or {@code null} for none
 * @param takeProfit   distance of the take-profit, in (0, 1), or {@code null} for none
 * @param trailingStop distance of the trailing stop from the best price since entry, in (0, 1), or {@code null}
 */
public record ExitBracket(BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal trailingStop) {

    /** No protective exits. */
    public static final ExitBracket NONE = new ExitBracket(null, null, null);

    public ExitBracket {
        Decimals.requireFractionOrNull("stopLoss", stopLoss);
        Decimals.requireFractionOrNull("takeProfit", takeProfit);
        Decimals.requireFractionOrNull("trailingStop", trailingStop);
    }

    /** This bracket with a stop-loss {@code distance} below (long) or above (short) the entry. */
    public ExitBracket withStopLoss(BigDecimal distance) {
        return new ExitBracket(distance, takeProfit, trailingStop);
    }

    /** This bracket with a take-profit {@code distance} above (long) or below (short) the entry. */
    public ExitBracket withTakeProfit(BigDecimal distance) {
        return new ExitBracket(stopLoss, distance, trailingStop);
    }

    /** This bracket with a stop trailing {@code distance} behind the best price since entry. */
    public ExitBracket withTrailingStop(BigDecimal distance) {
        return new ExitBracket(stopLoss, takeProfit, distance);
    }

    /** Whether no exit is set. */
    public boolean isEmpty() {
        return stopLoss == null && takeProfit == null && trailingStop == null;
    }

    /** Whether a stop order is needed: a stop-loss, a trailing stop or both. */
    public boolean hasStop() {
        return stopLoss != null || trailingStop != null;
    }
}
