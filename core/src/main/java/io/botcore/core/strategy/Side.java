package io.botcore.core.strategy;

/**
 * What a signal asks for: buy, sell, or nothing.
 *
 * <p>Immutable and thread-safe.
 */
public enum Side {
    BUY,
    SELL,
    HOLD
}
