package io.botcore.exchange.binance;

import java.math.BigDecimal;

/**
 * One asset of the account ({@code GET /api/v3/account}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param asset  e.g. {@code USDT}
 * @param free   available
 * @param locked held by open orders
 */
public record BinanceBalance(String asset, BigDecimal free, BigDecimal locked) {

    /** Free plus locked. */
    public BigDecimal total() {
        return free.add(locked);
    }
}
