package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open position in one symbol.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol    instrument
 * @param side      long (the spot ledger holds no shorts)
 * @param quantity  base asset held, {@code > 0}
 * @param costBasis what the held quantity cost, entry fees included, quote asset
 */
public record Position(Symbol symbol, PositionSide side, BigDecimal quantity, BigDecimal costBasis) {

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Decimals.requirePositive("quantity", quantity);
        Decimals.requireNonNegative("costBasis", costBasis);
    }

    /** Break-even price: cost basis per unit, entry fees included. */
    public BigDecimal breakEvenPrice() {
        return costBasis.divide(quantity, Decimals.DIVISION);
    }

    /** Value at {@code price}, quote asset. */
    public BigDecimal valueAt(BigDecimal price) {
        return quantity.multiply(price);
    }

    /** Profit if sold at {@code price} without exit costs: value minus cost basis. */
    public BigDecimal unrealisedPnlAt(BigDecimal price) {
        return valueAt(price).subtract(costBasis);
    }
}
