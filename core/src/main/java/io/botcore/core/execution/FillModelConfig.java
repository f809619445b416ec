package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The costs and limits of the {@link FillModel}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fees              maker and taker fee rates
 * @param spreadBps         full bid-ask spread in basis points; a taker pays half of it
 * @param slippageBps       fixed slippage of every taker fill, basis points
 * @param impactCoefficient price impact per unit of participation: a taker fill of quantity {@code q} in a bar
 *                          of volume {@code V} moves its price by {@code impactCoefficient * q / V} (a fraction);
 *                          {@code >= 0}
 * @param maxVolumeShare    largest share of a bar's volume that the orders of one symbol may fill in that bar,
 *                          in (0, 1]; the rest of an order waits for the next bar (a partial fill)
 */
public record FillModelConfig(FeeSchedule fees, BigDecimal spreadBps, BigDecimal slippageBps,
        BigDecimal impactCoefficient, BigDecimal maxVolumeShare) {

    public FillModelConfig {
        Objects.requireNonNull(fees, "fees");
        Decimals.requireNonNegative("spreadBps", spreadBps);
        Decimals.requireNonNegative("slippageBps", slippageBps);
        Decimals.requireNonNegative("impactCoefficient", impactCoefficient);
        Decimals.requirePositive("maxVolumeShare", maxVolumeShare);
        if (maxVolumeShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxVolumeShare must be <= 1 but is " + maxVolumeShare.toPlainString());
        }
    }

    /**
     * Binance spot fees (0.1 %), a 2 bps spread (1 bps paid per taker fill), 1 bps slippage, impact coefficient
     * 0.1 (taking 1 % of a bar's volume costs 10 bps more) and at most 10 % of a bar's volume.
     */
    public static FillModelConfig defaults() {
        return new FillModelConfig(FeeSchedule.binanceSpot(), new BigDecimal("2"), new BigDecimal("1"),
                new BigDecimal("0.1"), new BigDecimal("0.1"));
    }

    /** No fees, spread, slippage or impact, and the whole bar volume available: for tests of other parts. */
    public static FillModelConfig frictionless() {
        return new FillModelConfig(FeeSchedule.free(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ONE);
    }

    /** This configuration with other fees. */
    public FillModelConfig withFees(FeeSchedule newFees) {
        return new FillModelConfig(newFees, spreadBps, slippageBps, impactCoefficient, maxVolumeShare);
    }

    /** This configuration with another spread and fixed slippage, basis points. */
    public FillModelConfig withSpreadAndSlippage(BigDecimal newSpreadBps, BigDecimal newSlippageBps) {
        return new FillModelConfig(fees, newSpreadBps, newSlippageBps, impactCoefficient, maxVolumeShare);
    }

    /** This configuration with another impact coefficient. */
    public FillModelConfig withImpactCoefficient(BigDecimal newImpactCoefficient) {
        return new FillModelConfig(fees, spreadBps, slippageBps, newImpactCoefficient, maxVolumeShare);
    }

    /** This configuration with another largest share of bar volume. */
    public FillModelConfig withMaxVolumeShare(BigDecimal newMaxVolumeShare) {
        return new FillModelConfig(fees, spreadBps, slippageBps, impactCoefficient, newMaxVolumeShare);
    }
}
