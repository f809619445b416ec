package io.botcore.core.execution;

/**
 * Whether a fill added liquidity to the book (maker) or took it (taker); the fee rate depends on it.
 *
 * <p>Immutable and thread-safe.
 */
public enum Liquidity {
    MAKER,
    TAKER
}
