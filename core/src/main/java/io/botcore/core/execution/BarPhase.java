package io.botcore.core.execution;

/**
 * When inside a bar an order executes. Orders are executed phase by phase in this order, which encodes the
 * conservative assumption that, after the open, the bar moves against resting orders first: stops are reached
 * before limits.
 *
 * <p>Immutable and thread-safe.
 */
public enum BarPhase {
    /** At the open: market orders, triggered stops still filling, and stops or limits the open gapped through. */
    OPEN,
    /** Inside the bar, when the low (sell) or high (buy) reaches a stop. */
    STOP,
    /** Inside the bar, when the bar trades through a limit price. */
    LIMIT
}
