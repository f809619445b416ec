package io.botcore.core.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the risk policy needs to know about the account when it decides on an entry. Entries already sent but not
 * yet filled count as open positions and exposure, and their cost is no longer available cash.
 *
 * <p>Immutable and thread-safe.
 *
 * @param equity         cash plus positions at their last price, quote asset
 * @param availableCash  cash not committed to orders in flight, quote asset
 * @param openPositions  positions open or being entered
 * @param exposure       value of those positions (and entries in flight) at their last price, quote asset
 */
public record AccountSnapshot(BigDecimal equity, BigDecimal availableCash, int openPositions, BigDecimal exposure) {

    public AccountSnapshot {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(availableCash, "availableCash");
        Objects.requireNonNull(exposure, "exposure");
        if (openPositions < 0) {
            throw new IllegalArgumentException("openPositions must be >= 0 but is " + openPositions);
        }
    }
}
