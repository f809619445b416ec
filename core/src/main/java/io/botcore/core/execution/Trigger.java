package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * That an order executes in a bar, when, and at what price before costs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param phase          when inside the bar
 * @param referencePrice price before spread, slippage and impact, quote asset
 * @param liquidity      maker for a resting limit, taker otherwise
 */
public record Trigger(BarPhase phase, BigDecimal referencePrice, Liquidity liquidity) {

    public Trigger {
        Objects.requireNonNull(phase, "phase");
        Decimals.requirePositive("referencePrice", referencePrice);
        Objects.requireNonNull(liquidity, "liquidity");
    }
}
