package io.botcore.core.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The exit orders the simulated exchange placed for one entry: a one-cancels-the-other pair of a stop (stop-loss
 * and/or trailing) and a take-profit limit, either of which may be absent.
 *
 * <p>Not thread-safe; owned by {@link SimulatedExchange}.
 */
final class Bracket {

    final ClientOrderId entryId;
    final OrderSide exitSide;
    final ClientOrderId stopId;
    final ClientOrderId takeProfitId;
    /** The stop-loss price, or {@code null} when the bracket has none. */
    final BigDecimal stopLossPrice;
    final BigDecimal trailingDistance;
    final BigDecimal initialStop;
    final BigDecimal takeProfitPrice;

    /**
     * @param entry      the entry order
     * @param entryPrice price of its first fill
     */
    Bracket(OrderRequest entry, BigDecimal entryPrice, SymbolRules rules) {
        ExitBracket exits = entry.bracket();
        this.entryId = entry.id();
        this.exitSide = entry.side().opposite();
        this.trailingDistance = exits.trailingStop();
        this.stopLossPrice = exits.stopLoss() == null ? null : awayFrom(entryPrice, exits.stopLoss(), true, rules);
        BigDecimal trailingPrice = trailingDistance == null ? null
                : awayFrom(entryPrice, trailingDistance, true, rules);
        this.initialStop = tighter(stopLossPrice, trailingPrice);
        this.takeProfitPrice = exits.takeProfit() == null ? null
                : awayFrom(entryPrice, exits.takeProfit(), false, rules);
        this.stopId = initialStop == null ? null : entry.id().withSuffix("-sl");
        this.takeProfitId = takeProfitPrice == null ? null : entry.id().withSuffix("-tp");
    }

    /**
     * {@code price} moved by {@code distance} against the position ({@code adverse}) or in its favour, rounded
     * away from the entry to the tick: for a long, a stop rounds down and a take-profit up.
     */
    private BigDecimal awayFrom(BigDecimal price, BigDecimal distance, boolean adverse, SymbolRules rules) {
        return offset(exitSide, price, distance, adverse, rules);
    }

    /**
     * {@code price} moved by the fraction {@code distance} against ({@code adverse}) or for a position that
     * {@code exitSide} orders close, rounded away from {@code price} to the tick.
     */
    static BigDecimal offset(OrderSide exitSide, BigDecimal price, BigDecimal distance, boolean adverse,
            SymbolRules rules) {
        boolean down = adverse == (exitSide == OrderSide.SELL);
        BigDecimal factor = down ? BigDecimal.ONE.subtract(distance) : BigDecimal.ONE.add(distance);
        return rules.roundPrice(price.multiply(factor), down ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /** The tighter of two stops (closer to the market): the higher for a long's sell stop; {@code null}s ignored. */
    BigDecimal tighter(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return exitSide == OrderSide.SELL ? a.max(b) : a.min(b);
    }

    /** Why the stop closes the position when it fills at trigger {@code stop}. */
    ExitReason stopReason(BigDecimal stop) {
        if (trailingDistance == null) {
            return ExitReason.STOP_LOSS;
        }
        if (stopLossPrice == null) {
            return ExitReason.TRAILING_STOP;
        }
        return stop.compareTo(stopLossPrice) == 0 ? ExitReason.STOP_LOSS : ExitReason.TRAILING_STOP;
    }

    /** The other order of the pair, or {@code null}. */
    ClientOrderId siblingOf(ClientOrderId exitId) {
        return exitId.equals(stopId) ? takeProfitId : stopId;
    }
}
