package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cash and positions of a spot account, long only, kept from fills.
 *
 * <p>A buy takes {@code price * quantity + fee} from cash and adds that to the position's cost basis. A sell of
 * {@code q} out of {@code Q} held releases {@code costBasis * q / Q} of the cost basis (all of it when the
 * position closes) and realises {@code price * q - fee - released}; so the realised PnL of a round trip is net of
 * both fees, and at every moment {@code equity - initialCash = realisedPnl + unrealisedPnl}. Positions are valued
 * at the last {@linkplain #mark mark} (the cost basis per unit until the first mark).
 *
 * <p>Cash is the quote asset, quantities the base asset. Every fill is kept as a {@link LedgerEntry}.
 *
 * <p>Not thread-safe: one owner applies fills and marks.
 */
public final class Ledger {

    private final BigDecimal initialCash;
    private BigDecimal cash;
    private BigDecimal realisedPnl = BigDecimal.ZERO;
    private BigDecimal feesPaid = BigDecimal.ZERO;
    private final Map<Symbol, Position> positions = new LinkedHashMap<>();
    private final Map<Symbol, BigDecimal> marks = new LinkedHashMap<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    /** {@link #equity()} since the last fill or mark; {@code null} when it must be computed again. */
    private BigDecimal equity;

    /** @param initialCash quote asset, {@code >= 0} */
    public Ledger(BigDecimal initialCash) {
        this.initialCash = Decimals.requireNonNegative("initialCash", initialCash);
        this.cash = initialCash;
    }

    /**
     * Books {@code fill}.
     *
     * @throws IllegalStateException if a buy costs more than the cash or a sell exceeds the position (the
     *                               exchange refuses both before they fill)
     */
    public LedgerEntry apply(Fill fill) {
        Objects.requireNonNull(fill, "fill");
        BigDecimal realised = fill.side() == OrderSide.BUY ? buy(fill) : sell(fill);
        feesPaid = feesPaid.add(fill.fee());
        realisedPnl = realisedPnl.add(realised);
        equity = null;
        LedgerEntry entry = new LedgerEntry(fill, realised, cash, quantity(fill.symbol()));
        entries.add(entry);
        return entry;
    }

    private BigDecimal buy(Fill fill) {
        BigDecimal cost = fill.notional().add(fill.fee());
        if (cost.compareTo(cash) > 0) {
            throw new IllegalStateException("buy of " + fill.quantity().toPlainString() + " " + fill.symbol()
                    + " costs " + cost.toPlainString() + " but cash is " + cash.toPlainString());
        }
        cash = cash.subtract(cost);
        Position held = positions.get(fill.symbol());
        positions.put(fill.symbol(), held == null
                ? new Position(fill.symbol(), PositionSide.LONG, fill.quantity(), cost)
                : new Position(fill.symbol(), PositionSide.LONG, held.quantity().add(fill.quantity()),
                        held.costBasis().add(cost)));
        return BigDecimal.ZERO;
    }

    private BigDecimal sell(Fill fill) {
        Position held = positions.get(fill.symbol());
        BigDecimal heldQuantity = held == null ? BigDecimal.ZERO : held.quantity();
        int comparison = fill.quantity().compareTo(heldQuantity);
        if (comparison > 0) {
            throw new IllegalStateException("sell of " + fill.quantity().toPlainString() + " " + fill.symbol()
                    + " exceeds the " + heldQuantity.toPlainString() + " held; short selling is not supported");
        }
        BigDecimal released = comparison == 0 ? held.costBasis()
                : held.costBasis().multiply(fill.quantity()).divide(heldQuantity, Decimals.DIVISION);
        BigDecimal proceeds = fill.notional().subtract(fill.fee());
        cash = cash.add(proceeds);
        if (comparison == 0) {
            positions.remove(fill.symbol());
        } else {
            positions.put(fill.symbol(), new Position(fill.symbol(), PositionSide.LONG,
                    heldQuantity.subtract(fill.quantity()), held.costBasis().subtract(released)));
        }
        return proceeds.subtract(released);
    }

    /** Values the position in {@code symbol} (if any, now or later) at {@code price}, quote asset. */
    public void mark(Symbol symbol, BigDecimal price) {
        BigDecimal previous = marks.put(Objects.requireNonNull(symbol, "symbol"),
                Decimals.requirePositive("price", price));
        if (previous != price) {
            equity = null;
        }
    }

    /** Cash at the start, quote asset. */
    public BigDecimal initialCash() {
        return initialCash;
    }

    /** Cash now, quote asset. */
    public BigDecimal cash() {
        return cash;
    }

    /** Sum of realised PnL, net of fees, quote asset. */
    public BigDecimal realisedPnl() {
        return realisedPnl;
    }

    /** Sum of the fees of every fill, quote asset. */
    public BigDecimal feesPaid() {
        return feesPaid;
    }

    /** The open position in {@code symbol}, if any. */
    public Optional<Position> position(Symbol symbol) {
        return Optional.ofNullable(positions.get(symbol));
    }

    /** Base asset held in {@code symbol}; zero when flat. */
    public BigDecimal quantity(Symbol symbol) {
        Position held = positions.get(symbol);
        return held == null ? BigDecimal.ZERO : held.quantity();
    }

    /** The open positions, in the order they were opened. */
    public List<Position> positions() {
        return List.copyOf(positions.values());
    }

    /** Number of open positions. */
    public int openPositionCount() {
        return positions.size();
    }

    /** Mark price of {@code symbol}: the last mark, or the position's break-even price before any mark. */
    public BigDecimal markPrice(Symbol symbol) {
        BigDecimal mark = marks.get(symbol);
        if (mark != null) {
            return mark;
        }
        Position held = positions.get(symbol);
        return held == null ? BigDecimal.ZERO : held.breakEvenPrice();
    }

    /** Value of every position at its mark, quote asset. */
    public BigDecimal exposure() {
        BigDecimal total = BigDecimal.ZERO;
        for (Position held : positions.values()) {
            total = total.add(held.valueAt(markPrice(held.symbol())));
        }
        return total;
    }

    /** Value minus cost basis of every position at its mark, quote asset. */
    public BigDecimal unrealisedPnl() {
        BigDecimal total = BigDecimal.ZERO;
        for (Position held : positions.values()) {
            total = total.add(held.unrealisedPnlAt(markPrice(held.symbol())));
        }
        return total;
    }

    /** Cash plus the value of every position at its mark, quote asset. */
    public BigDecimal equity() {
        if (equity == null) {
            equity = positions.isEmpty() ? cash : cash.add(exposure());
        }
        return equity;
    }

    /** Every fill booked, in order. */
    public List<LedgerEntry> entries() {
        return Collections.unmodifiableList(entries);
    }
}
