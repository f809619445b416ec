package io.botcore.exchange.binance;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as Binance reports it ({@code POST/GET/DELETE /api/v3/order}, {@code GET /api/v3/openOrders}), in
 * Binance's own terms; {@link BinanceAdapters} maps it to the core's order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol              e.g. {@code BTCUSDT}
 * @param orderId             Binance's id
 * @param clientOrderId       our id ({@code newClientOrderId}); for a cancel answer, the original one
 * @param side                {@code BUY} or {@code SELL}
 * @param type                {@code MARKET}, {@code LIMIT}, {@code STOP_LOSS}, ...
 * @param status              {@code NEW}, {@code PARTIALLY_FILLED}, {@code FILLED}, {@code CANCELED},
 *                            {@code REJECTED}, {@code EXPIRED}, {@code EXPIRED_IN_MATCH}
 * @param price               limit price, zero for a market order
 * @param stopPrice           trigger price, zero when none
 * @param origQty             ordered quantity, base asset
 * @param executedQty         filled quantity, base asset
 * @param cummulativeQuoteQty filled notional, quote asset (Binance's spelling)
 * @param updateTime          last change, epoch ms ({@code transactTime} in a placement answer)
 * @param fills               the fills reported with a placement answer ({@code newOrderRespType=FULL}); empty
 *                            elsewhere
 */
public record BinanceOrder(String symbol, long orderId, String clientOrderId, String side, String type,
        String status, BigDecimal price, BigDecimal stopPrice, BigDecimal origQty, BigDecimal executedQty,
        BigDecimal cummulativeQuoteQty, long updateTime, List<Fill> fills) {

    public BinanceOrder {
        fills = List.copyOf(fills);
    }

    /** One fill in a placement answer. */
    public record Fill(long tradeId, BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset) {
    }
}
