package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One fill as the ledger booked it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fill          the fill, with its fee
 * @param realisedPnl   profit this fill realised, net of the fees of the quantity it closed (zero for a buy),
 *                      quote asset
 * @param cashAfter     cash after the fill, quote asset
 * @param positionAfter base asset held in the symbol after the fill
 */
public record LedgerEntry(Fill fill, BigDecimal realisedPnl, BigDecimal cashAfter, BigDecimal positionAfter) {

    public LedgerEntry {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(realisedPnl, "realisedPnl");
        Objects.requireNonNull(cashAfter, "cashAfter");
        Objects.requireNonNull(positionAfter, "positionAfter");
    }
}
