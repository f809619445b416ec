package io.botcore.core.execution;

/**
 * Why an exchange refused an order or ended it early. Each is a normal outcome, reported in the order's state,
 * never thrown.
 *
 * <p>Immutable and thread-safe.
 */
public enum RejectReason {
    /** The symbol is not traded (no {@link SymbolRules} for it). */
    UNKNOWN_SYMBOL,
    /** Another order already uses this client order id. */
    DUPLICATE_CLIENT_ORDER_ID,
    /** The quantity is not a whole number of steps (Binance LOT_SIZE). */
    QUANTITY_NOT_ON_STEP,
    /** The quantity is below the minimum (Binance LOT_SIZE). */
    BELOW_MIN_QUANTITY,
    /** A price is not a whole number of ticks (Binance PRICE_FILTER). */
    PRICE_NOT_ON_TICK,
    /** Price times quantity is below the minimum notional (Binance NOTIONAL). */
    BELOW_MIN_NOTIONAL,
    /** A market order for a symbol without a known price yet, so its notional cannot be checked. */
    NO_MARKET_PRICE,
    /** Not enough quote asset to pay for a buy and its fee. */
    INSUFFICIENT_FUNDS,
    /** Not enough base asset for a sell (spot trading cannot sell short). */
    INSUFFICIENT_BALANCE,
    /**
     * A live exchange refused or ended the order for a reason outside this list (its own error code, an order
     * feature it does not offer); the message carries the exchange's code and text.
     */
    EXCHANGE_REFUSED
}
