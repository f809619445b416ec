package io.botcore.core.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of (part of) an order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId    client order id of the order that filled
 * @param symbol     instrument
 * @param side       buy or sell
 * @param price      execution price, quote asset, on the symbol's tick
 * @param quantity   base asset, {@code > 0}, on the symbol's step
 * @param fee        quote asset, {@code >= 0}
 * @param liquidity  maker or taker
 * @param time       open time of the candle in which it filled (UTC)
 * @param exitReason why it closes a position, or {@code null} if it opens or adds to one
 */
public record Fill(ClientOrderId orderId, Symbol symbol, OrderSide side, BigDecimal price, BigDecimal quantity,
        BigDecimal fee, Liquidity liquidity, Instant time, ExitReason exitReason) {

    public Fill {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Decimals.requirePositive("price", price);
        Decimals.requirePositive("quantity", quantity);
        Decimals.requireNonNegative("fee", fee);
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(time, "time");
    }

    /** {@code price * quantity}, quote asset, before the fee. */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
