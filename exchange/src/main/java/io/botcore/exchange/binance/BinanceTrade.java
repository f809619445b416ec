package io.botcore.exchange.binance;

import java.math.BigDecimal;

/**
 * One of our trades ({@code GET /api/v3/myTrades}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol          e.g. {@code BTCUSDT}
 * @param id              trade id, unique per symbol
 * @param orderId         Binance's id of the order that traded
 * @param price           quote asset
 * @param qty             base asset
 * @param commission      in {@code commissionAsset}
 * @param commissionAsset the asset the commission was taken in
 * @param time            epoch ms
 * @param buyer           whether we bought
 * @param maker           whether our order was resting
 */
public record BinanceTrade(String symbol, long id, long orderId, BigDecimal price, BigDecimal qty,
        BigDecimal commission, String commissionAsset, long time, boolean buyer, boolean maker) {
}
