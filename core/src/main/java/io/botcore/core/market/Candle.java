package io.botcore.core.market;

import java.time.Instant;

/**
 * One candle (kline) of the analytical path.
 *
 * <p>Open time is UTC epoch milliseconds. Prices are in the quote asset (USDT for BTCUSDT) and volume is in
 * the base asset (BTC), both as {@code double}: this type feeds indicators and strategies; money that
 * reaches an order or a ledger is {@code BigDecimal} elsewhere.
 *
 * <p>Immutable and thread-safe.
 *
 * @param openTime open time, UTC epoch milliseconds
 * @param open     first trade price of the interval
 * @param high     highest trade price
 * @param low      lowest trade price
 * @param close    last trade price
 * @param volume   traded base-asset volume, {@code >= 0}
 */
public record Candle(long openTime, double open, double high, double low, double close, double volume) {

    /**
     * @throws InvalidCandleException if a price is not finite and positive, volume is negative or not
     *                                finite, or open/close lie outside [low, high]
     */
    public Candle {
        try {
            CandleChecks.checkValues(open, high, low, close, volume);
        } catch (InvalidCandleException e) {
            throw e.at("candle at " + Instant.ofEpochMilli(openTime));
        }
    }

    /** Open time as an instant. */
    public Instant openInstant() {
        return Instant.ofEpochMilli(openTime);
    }
}
