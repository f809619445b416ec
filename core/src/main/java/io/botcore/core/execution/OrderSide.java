package io.botcore.core.execution;

import io.botcore.core.strategy.Side;

/**
 * Direction of an order. Separate from the strategy's {@link Side}, which also has {@code HOLD}: an order is
 * always a buy or a sell.
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderSide {
    BUY,
    SELL;

    /** The other side. */
    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * The order side a strategy's buy or sell asks for.
     *
     * @throws IllegalArgumentException for {@link Side#HOLD}, which asks for no order
     */
    public static OrderSide of(Side side) {
        return switch (side) {
            case BUY -> BUY;
            case SELL -> SELL;
            case HOLD -> throw new IllegalArgumentException("a hold signal asks for no order");
        };
    }
}
