package io.botcore.core.trading;

import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.PositionSide;
import io.botcore.core.execution.Symbol;
import io.botcore.core.strategy.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One closed round trip: from flat into a position and back to flat, over one or more fills each way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol       instrument
 * @param side         long (spot)
 * @param entryTime    time of the first entry fill (open time of its candle, UTC)
 * @param entryPrice   volume-weighted entry price, quote asset
 * @param exitTime     time of the last exit fill (open time of its candle, UTC)
 * @param exitPrice    volume-weighted exit price, quote asset
 * @param quantity     base asset bought and sold
 * @param fees         fees of every fill of the trade, quote asset
 * @param pnl          exit value minus entry value minus fees, quote asset
 * @param exitReason   why the first exit fill happened
 * @param entryReasons the reasons of the signal that opened the trade (empty if unknown)
 */
public record Trade(Symbol symbol, PositionSide side, Instant entryTime, BigDecimal entryPrice, Instant exitTime,
        BigDecimal exitPrice, BigDecimal quantity, BigDecimal fees, BigDecimal pnl, ExitReason exitReason,
        List<Reason> entryReasons) {

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(exitReason, "exitReason");
        entryReasons = List.copyOf(entryReasons);
    }

    /** Whether it made money after fees. */
    public boolean isWin() {
        return pnl.signum() > 0;
    }

    /** Time from the entry candle's open to the exit candle's open. */
    public Duration holding() {
        return Duration.between(entryTime, exitTime);
    }
}
