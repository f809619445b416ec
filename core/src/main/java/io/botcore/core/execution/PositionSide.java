package io.botcore.core.execution;

/**
 * Direction of a position. The spot {@link Ledger} only holds {@link #LONG} positions; {@link #SHORT} is in the
 * model so that margin trading can be added without changing the types that carry it.
 *
 * <p>Immutable and thread-safe.
 */
public enum PositionSide {
    LONG,
    SHORT
}
