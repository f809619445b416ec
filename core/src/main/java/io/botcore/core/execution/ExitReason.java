package io.botcore.core.execution;

/**
 * Why an order closes a position, carried by the order and its fills so that every closed trade says how it
 * ended.
 *
 * <p>Immutable and thread-safe.
 */
public enum ExitReason {
    /** The protective stop at its initial price. */
    STOP_LOSS,
    /** The take-profit limit. */
    TAKE_PROFIT,
    /** The protective stop after it trailed away from its initial price (or a stop that only trails). */
    TRAILING_STOP,
    /** The strategy's opposite signal. */
    SIGNAL,
    /** The data ran out and the backtest closed what was open at the last close. */
    END_OF_DATA,
    /** An operator or the engine closed it by hand. */
    MANUAL
}
