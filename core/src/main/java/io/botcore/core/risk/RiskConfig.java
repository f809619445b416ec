package io.botcore.core.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the {@link RiskPolicy}. Fractions are of the account's equity (cash plus positions at their last
 * price) unless said otherwise; {@code 0.1} is 10 %.
 *
 * <p>Immutable and thread-safe.
 *
 * @param positionFraction      size of a new position, share of equity, in (0, 1]
 * @param maxOpenPositions      most positions open (or being entered) at once, {@code >= 1}
 * @param maxExposureFraction   most value held in positions, share of equity, in (0, 1] (spot: no leverage)
 * @param dailyLossLimit        loss since the start of the UTC day, share of the equity then, in (0, 1), that
 *                              halts new entries for the rest of that day
 * @param maxConsecutiveLosses  losing trades in a row that start a cooldown, {@code >= 1}
 * @param cooldown              how long no new entries are made after that many losses, {@code >= 0}
 * @param cashReserve           share of the cash kept back from a new entry for its fee, spread, slippage and the
 *                              move to the next open, in [0, 0.5)
 */
public record RiskConfig(BigDecimal positionFraction, int maxOpenPositions, BigDecimal maxExposureFraction,
        BigDecimal dailyLossLimit, int maxConsecutiveLosses, Duration cooldown, BigDecimal cashReserve) {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    public RiskConfig {
        requireIn("positionFraction", positionFraction, false, BigDecimal.ONE, true);
        if (maxOpenPositions < 1) {
            throw new IllegalArgumentException("maxOpenPositions must be >= 1 but is " + maxOpenPositions);
        }
        requireIn("maxExposureFraction", maxExposureFraction, false, BigDecimal.ONE, true);
        requireIn("dailyLossLimit", dailyLossLimit, false, BigDecimal.ONE, false);
        if (maxConsecutiveLosses < 1) {
            throw new IllegalArgumentException("maxConsecutiveLosses must be >= 1 but is " + maxConsecutiveLosses);
        }
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be >= 0 but is " + cooldown);
        }
        requireIn("cashReserve", cashReserve, true, HALF, false);
    }

    private static void requireIn(String name, BigDecimal value, boolean zeroAllowed, BigDecimal upper,
            boolean upperAllowed) {
        Objects.requireNonNull(value, name);
        boolean lowOk = zeroAllowed ? value.signum() >= 0 : value.signum() > 0;
        int high = value.compareTo(upper);
        boolean highOk = upperAllowed ? high <= 0 : high < 0;
        if (!lowOk || !highOk) {
            throw new IllegalArgumentException(name + " must be in " + (zeroAllowed ? "[0, " : "(0, ")
                    + upper.toPlainString() + (upperAllowed ? "]" : ")") + " but is " + value.toPlainString());
        }
    }

    /**
     * 10 % of equity per position, at most 5 positions and 100 % exposure, a 5 % daily loss limit, a 24 h
     * cooldown after 3 losses in a row, 1 % of cash held back.
     */
    public static RiskConfig defaults() {
        return new RiskConfig(new BigDecimal("0.10"), 5, BigDecimal.ONE, new BigDecimal("0.05"), 3,
                Duration.ofHours(24), new BigDecimal("0.01"));
    }

    /** This configuration with another position size. */
    public RiskConfig withPositionFraction(BigDecimal value) {
        return new RiskConfig(value, maxOpenPositions, maxExposureFraction, dailyLossLimit, maxConsecutiveLosses,
                cooldown, cashReserve);
    }

    /** This configuration with another maximum of open positions. */
    public RiskConfig withMaxOpenPositions(int value) {
        return new RiskConfig(positionFraction, value, maxExposureFraction, dailyLossLimit, maxConsecutiveLosses,
                cooldown, cashReserve);
    }

    /** This configuration with another maximum exposure. */
    public RiskConfig withMaxExposureFraction(BigDecimal value) {
        return new RiskConfig(positionFraction, maxOpenPositions, value, dailyLossLimit, maxConsecutiveLosses,
                cooldown, cashReserve);
    }

    /** This configuration with another daily loss limit. */
    public RiskConfig withDailyLossLimit(BigDecimal value) {
        return new RiskConfig(positionFraction, maxOpenPositions, maxExposureFraction, value, maxConsecutiveLosses,
                cooldown, cashReserve);
    }

    /** This configuration with another cooldown rule. */
    public RiskConfig withCooldown(int losses, Duration duration) {
        return new RiskConfig(positionFraction, maxOpenPositions, maxExposureFraction, dailyLossLimit, losses,
                duration, cashReserve);
    }

    /** This configuration with another cash reserve. */
    public RiskConfig withCashReserve(BigDecimal value) {
        return new RiskConfig(positionFraction, maxOpenPositions, maxExposureFraction, dailyLossLimit,
                maxConsecutiveLosses, cooldown, value);
    }
}
