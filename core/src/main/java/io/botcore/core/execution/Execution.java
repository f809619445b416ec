package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the fill model decided for one fill: price after costs, quantity and fee.
 *
 * <p>Immutable and thread-safe.
 *
 * @param price     quote asset, on the tick
 * @param quantity  base asset, on the step, {@code > 0}
 * @param fee       quote asset
 * @param liquidity maker or taker
 */
public record Execution(BigDecimal price, BigDecimal quantity, BigDecimal fee, Liquidity liquidity) {

    public Execution {
        Decimals.requirePositive("price", price);
        Decimals.requirePositive("quantity", quantity);
        Decimals.requireNonNegative("fee", fee);
        Objects.requireNonNull(liquidity, "liquidity");
    }

    /** {@code price * quantity}, quote asset. */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }

    /** What a buy costs: notional plus fee. */
    public BigDecimal cost() {
        return notional().add(fee);
    }
}
