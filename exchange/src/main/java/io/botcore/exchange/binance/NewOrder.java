package io.botcore.exchange.binance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The parameters of {@code POST /api/v3/order}, in Binance's terms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol           e.g. {@code BTCUSDT}
 * @param side             {@code BUY} or {@code SELL}
 * @param type             {@code MARKET}, {@code LIMIT} or {@code STOP_LOSS}
 * @param timeInForce      {@code GTC} for a limit order, else {@code null}
 * @param quantity         base asset
 * @param price            limit price, or {@code null}
 * @param stopPrice        trigger price, or {@code null}
 * @param newClientOrderId our id, fixed before the order is sent
 */
public record NewOrder(String symbol, String side, String type, String timeInForce, BigDecimal quantity,
        BigDecimal price, BigDecimal stopPrice, String newClientOrderId) {

    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(newClientOrderId, "newClientOrderId");
    }
}
