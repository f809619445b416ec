package io.botcore.core.execution;

import java.math.BigDecimal;

/**
 * Trading fee rates as fractions of a fill's notional, charged in the quote asset. (Binance charges a buy's
 * fee in the base asset unless BNB pays it; charging every fee in the quote asset keeps quantities on the step
 * size and costs the same at the fill price.)
 *
 * <p>Immutable and thread-safe.
 *
 * @param makerRate rate for fills that added liquidity, in [0, 0.1)
 * @param takerRate rate for fills that took liquidity, in [0, 0.1)
 */
public record FeeSchedule(BigDecimal makerRate, BigDecimal takerRate) {

    private static final BigDecimal MAX_RATE = new BigDecimal("0.1");

    public FeeSchedule {
        requireRate("makerRate", makerRate);
        requireRate("takerRate", takerRate);
    }

    private static void requireRate(String name, BigDecimal rate) {
        Decimals.requireNonNegative(name, rate);
        if (rate.compareTo(MAX_RATE) >= 0) {
            throw new IllegalArgumentException(name + " must be < 0.1 but is " + rate.toPlainString());
        }
    }

    /** Binance spot's base tier: 0.1 % maker and 0.1 % taker. */
    public static FeeSchedule binanceSpot() {
        return new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.001"));
    }

    /** No fees. */
    public static FeeSchedule free() {
        return new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The rate for {@code liquidity}. */
    public BigDecimal rate(Liquidity liquidity) {
        return liquidity == Liquidity.MAKER ? makerRate : takerRate;
    }

    /** The fee on {@code notional} (quote asset), unrounded. */
    public BigDecimal fee(BigDecimal notional, Liquidity liquidity) {
        return notional.multiply(rate(liquidity));
    }
}
