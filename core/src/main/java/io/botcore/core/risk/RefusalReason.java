package io.botcore.core.risk;

/**
 * Why the risk policy refused an entry.
 *
 * <p>Immutable and thread-safe.
 */
public enum RefusalReason {
    /** The loss since the start of the UTC day reached the daily loss limit; entries resume the next day. */
    DAILY_LOSS_LIMIT,
    /** Too many losing trades in a row; entries resume after the cooldown. */
    COOLDOWN,
    /** As many positions as allowed are open or being entered. */
    MAX_OPEN_POSITIONS,
    /** The room left under the exposure limit is too small for an order the exchange accepts. */
    MAX_EXPOSURE,
    /** The cash left (after the reserve) is too small for an order the exchange accepts. */
    INSUFFICIENT_CASH,
    /** The position size itself rounds to less than the exchange's minimum quantity or notional. */
    BELOW_MIN_SIZE,
    /** New entries are halted by the operator (maintenance mode); exits and protective orders still run. */
    ENTRIES_HALTED
}
