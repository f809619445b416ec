package io.botcore.core.trading;

import io.botcore.core.execution.ClientOrderId;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.PositionSide;
import io.botcore.core.execution.Symbol;
import io.botcore.core.strategy.Reason;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups fills into {@link Trade}s, one per round trip from flat to flat in a symbol (long only). A sell without
 * an exit reason is recorded as {@link ExitReason#MANUAL}.
 *
 * <p>Not thread-safe.
 */
public final class TradeRecorder {

    private final Map<Symbol, OpenTrade> open = new LinkedHashMap<>();
    private final Map<ClientOrderId, List<Reason>> entryReasons = new HashMap<>();
    private final List<Trade> closed = new ArrayList<>();

    /** Remembers the reasons of the signal behind the entry order {@code orderId}. */
    public void expectEntry(ClientOrderId orderId, List<Reason> reasons) {
        entryReasons.put(orderId, List.copyOf(reasons));
    }

    /**
     * Adds a fill.
     *
     * @return the trade it closed, if it brought the position back to flat
     * @throws IllegalStateException for a sell without an open trade (spot cannot sell short)
     */
    public Optional<Trade> onFill(Fill fill) {
        OpenTrade trade = open.get(fill.symbol());
        if (fill.side() == OrderSide.BUY) {
            if (trade == null) {
                trade = new OpenTrade(fill.time(), entryReasons.getOrDefault(fill.orderId(), List.of()));
                open.put(fill.symbol(), trade);
            }
            trade.enter(fill);
            return Optional.empty();
        }
        if (trade == null) {
            throw new IllegalStateException("sell of " + fill.symbol() + " without an open trade");
        }
        trade.exit(fill);
        if (trade.held.signum() > 0) {
            return Optional.empty();
        }
        open.remove(fill.symbol());
        Trade done = trade.close(fill.symbol(), fill.time());
        closed.add(done);
        return Optional.of(done);
    }

    /** Whether a trade in {@code symbol} is open. */
    public boolean isOpen(Symbol symbol) {
        return open.containsKey(symbol);
    }

    /** The closed trades, in the order they closed. */
    public List<Trade> trades() {
        return Collections.unmodifiableList(closed);
    }

    /** Sums of the fills of one trade so far. */
    private static final class OpenTrade {

        final Instant entryTime;
        final List<Reason> reasons;
        BigDecimal held = BigDecimal.ZERO;
        BigDecimal entryQuantity = BigDecimal.ZERO;
        BigDecimal entryNotional = BigDecimal.ZERO;
        BigDecimal exitQuantity = BigDecimal.ZERO;
        BigDecimal exitNotional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        ExitReason exitReason;

        OpenTrade(Instant entryTime, List<Reason> reasons) {
            this.entryTime = entryTime;
            this.reasons = reasons;
        }

        void enter(Fill fill) {
            held = held.add(fill.quantity());
            entryQuantity = entryQuantity.add(fill.quantity());
            entryNotional = entryNotional.add(fill.notional());
            fees = fees.add(fill.fee());
        }

        void exit(Fill fill) {
            if (fill.quantity().compareTo(held) > 0) {
                throw new IllegalStateException("sell of " + fill.quantity().toPlainString() + " " + fill.symbol()
                        + " exceeds the " + held.toPlainString() + " of the open trade");
            }
            held = held.subtract(fill.quantity());
            exitQuantity = exitQuantity.add(fill.quantity());
            exitNotional = exitNotional.add(fill.notional());
            fees = fees.add(fill.fee());
            if (exitReason == null) {
                exitReason = fill.exitReason() != null ? fill.exitReason() : ExitReason.MANUAL;
            }
        }

        Trade close(Symbol symbol, Instant exitTime) {
            BigDecimal pnl = exitNotional.subtract(entryNotional).subtract(fees);
            return new Trade(symbol, PositionSide.LONG, entryTime,
                    entryNotional.divide(entryQuantity, MathContext.DECIMAL128), exitTime,
                    exitNotional.divide(exitQuantity, MathContext.DECIMAL128), entryQuantity, fees, pnl, exitReason,
                    reasons);
        }
    }
}
