package io.botcore.exchange.binance;

import io.botcore.core.execution.SymbolRules;

/**
 * A symbol of {@code GET /api/v3/exchangeInfo}: its assets, trading status and filters.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name       e.g. {@code BTCUSDT}
 * @param status     {@code TRADING}, {@code HALT}, {@code BREAK}
 * @param baseAsset  e.g. {@code BTC}
 * @param quoteAsset e.g. {@code USDT}
 * @param rules      LOT_SIZE, PRICE_FILTER and NOTIONAL (or the older MIN_NOTIONAL) as core rules
 */
public record BinanceSymbol(String name, String status, String baseAsset, String quoteAsset, SymbolRules rules) {

    /** Whether orders are accepted now. */
    public boolean isTrading() {
        return "TRADING".equals(status);
    }
}
