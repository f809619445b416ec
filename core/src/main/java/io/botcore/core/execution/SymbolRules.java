package io.botcore.core.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The exchange's filters for one symbol, as Binance's exchange info gives them: prices are whole multiples of
 * {@code tickSize} (PRICE_FILTER), quantities whole multiples of {@code stepSize} and at least
 * {@code minQuantity} (LOT_SIZE), and price times quantity at least {@code minNotional} (NOTIONAL).
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol      the instrument
 * @param tickSize    price increment, quote asset, {@code > 0}
 * @param stepSize    quantity increment, base asset, {@code > 0}
 * @param minQuantity smallest order quantity, base asset, {@code >= 0}
 * @param minNotional smallest order value, quote asset, {@code >= 0}
 */
public record SymbolRules(Symbol symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity,
        BigDecimal minNotional) {

    public SymbolRules {
        Objects.requireNonNull(symbol, "symbol");
        Decimals.requirePositive("tickSize", tickSize);
        Decimals.requirePositive("stepSize", stepSize);
        Decimals.requireNonNegative("minQuantity", minQuantity);
        Decimals.requireNonNegative("minNotional", minNotional);
    }

    /** Rules from decimal strings, for example {@code of("BTCUSDT", "0.01", "0.00001", "0.00001", "5")}. */
    public static SymbolRules of(String symbol, String tickSize, String stepSize, String minQuantity,
            String minNotional) {
        return new SymbolRules(Symbol.of(symbol), new BigDecimal(tickSize), new BigDecimal(stepSize),
                new BigDecimal(minQuantity), new BigDecimal(minNotional));
    }

    /** {@code price} rounded to the nearest tick, halves away from zero. */
    public BigDecimal roundPrice(BigDecimal price) {
        return roundPrice(price, RoundingMode.HALF_UP);
    }

    /**
     * {@code price} rounded to a whole number of ticks in the direction {@code mode} gives; {@link
     * RoundingMode#CEILING} and {@link RoundingMode#FLOOR} round against a buyer and a seller respectively.
     */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        return price.divide(tickSize, 0, mode).multiply(tickSize);
    }

    /** {@code quantity} rounded down to a whole number of steps, so an order never exceeds what was sized. */
    public BigDecimal roundQuantity(BigDecimal quantity) {
        return quantity.divide(stepSize, 0, RoundingMode.DOWN).multiply(stepSize);
    }

    /** Whether {@code price} is a whole number of ticks. */
    public boolean isOnTick(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    /** Whether {@code quantity} is a whole number of steps. */
    public boolean isOnStep(BigDecimal quantity) {
        return quantity.remainder(stepSize).signum() == 0;
    }

    /** Empty if {@code price * quantity >= minNotional}, otherwise the rejection. */
    public Optional<Rejection> checkMinNotional(BigDecimal price, BigDecimal quantity) {
        BigDecimal notional = price.multiply(quantity);
        if (notional.compareTo(minNotional) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(RejectReason.BELOW_MIN_NOTIONAL, symbol + " notional "
                + notional.toPlainString() + " < min notional " + minNotional.toPlainString()));
    }

    /** Empty if {@code quantity} is a positive whole number of steps, at least {@code minQuantity}. */
    public Optional<Rejection> checkQuantity(BigDecimal quantity) {
        if (!isOnStep(quantity)) {
            return Optional.of(new Rejection(RejectReason.QUANTITY_NOT_ON_STEP, symbol + " quantity "
                    + quantity.toPlainString() + " is not a multiple of step " + stepSize.toPlainString()));
        }
        if (quantity.compareTo(minQuantity) < 0) {
            return Optional.of(new Rejection(RejectReason.BELOW_MIN_QUANTITY, symbol + " quantity "
                    + quantity.toPlainString() + " < min quantity " + minQuantity.toPlainString()));
        }
        return Optional.empty();
    }

    /** Empty if {@code price} is a whole number of ticks. */
    public Optional<Rejection> checkPrice(BigDecimal price) {
        if (isOnTick(price)) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(RejectReason.PRICE_NOT_ON_TICK, symbol + " price " + price.toPlainString()
                + " is not a multiple of tick " + tickSize.toPlainString()));
    }
}
