package io.botcore.core.execution;

/**
 * How an order executes.
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderType {
    /** At the market, as a taker, at the next price available. */
    MARKET,
    /** Resting at a limit price; fills as a maker at that price or not at all. */
    LIMIT,
    /** A market order that is triggered when the market reaches the stop price. */
    STOP_MARKET
}
