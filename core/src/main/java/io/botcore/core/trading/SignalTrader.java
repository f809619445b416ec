package io.botcore.core.trading;

import io.botcore.core.execution.ClientOrderId;
import io.botcore.core.execution.ExchangePort;
import io.botcore.core.execution.ExecutionListener;
import io.botcore.core.execution.ExitBracket;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.Ledger;
import io.botcore.core.execution.Order;
import io.botcore.core.execution.OrderRequest;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.OrderStatus;
import io.botcore.core.execution.RejectReason;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.Candle;
import io.botcore.core.risk.AccountSnapshot;
import io.botcore.core.risk.RefusalReason;
import io.botcore.core.risk.RiskDecision;
import io.botcore.core.risk.RiskPolicy;
import io.botcore.core.strategy.Signal;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trades a strategy's signals on spot, long only, in any mode: a buy signal opens a position (unless one is open
 * or an entry or exit is in flight for that symbol: no pyramiding) with a market order sized by the {@link
 * RiskPolicy} and carrying the configured {@link ExitBracket}; a sell signal cancels the symbol's open orders and
 * closes the position with a market order. A sell signal while flat does nothing (no shorting).
 *
 * <p>The caller feeds it, per symbol and candle: the exchange's fills (it is the exchange's {@link
 * ExecutionListener}), then {@link #onBarClosed} (marks the book at the close and reports equity to the risk
 * policy), then {@link #onSignal} with the strategy's signal on that candle. The entry is sized at that close; the
 * exchange fills it on a later candle.
 *
 * <p>It keeps its own {@link Ledger} (the book) from the fills, records closed {@link Trade}s and counts risk
 * refusals and exchange rejections.
 *
 * <p>Not thread-safe: one thread feeds candles, signals and exchange events.
 */
public final class SignalTrader implements ExecutionListener {

    private final ExchangePort exchange;
    private final RiskPolicy risk;
    private final Ledger book;
    private final Map<Symbol, SymbolRules> rules = new LinkedHashMap<>();
    private final ExitBracket exits;
    private final ClientOrderIdSequence ids;
    private final TradeRecorder recorder = new TradeRecorder();
    private final Map<Symbol, ClientOrderId> pendingEntries = new LinkedHashMap<>();
    private final Map<Symbol, ClientOrderId> pendingExits = new LinkedHashMap<>();
    /** Close of the last candle of each symbol, converted to a decimal only when it is needed. */
    private final Map<Symbol, LastClose> lastCloses = new HashMap<>();
    private final Map<RefusalReason, Integer> refusals = new EnumMap<>(RefusalReason.class);
    private boolean entriesHalted;
    private final Map<RejectReason, Integer> rejections = new EnumMap<>(RejectReason.class);

    /**
     * @param exchange    where orders go; register this trader as its listener
     * @param risk        sizes and vets entries
     * @param book        the trader's ledger, starting with the same cash as the exchange account
     * @param symbolRules the filters of every symbol traded
     * @param exits       protective exits attached to every entry
     * @param ids         client order ids
     */
    public SignalTrader(ExchangePort exchange, RiskPolicy risk, Ledger book, Collection<SymbolRules> symbolRules,
            ExitBracket exits, ClientOrderIdSequence ids) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.risk = Objects.requireNonNull(risk, "risk");
        this.book = Objects.requireNonNull(book, "book");
        for (SymbolRules r : symbolRules) {
            rules.put(r.symbol(), r);
            lastCloses.put(r.symbol(), new LastClose());
        }
        this.exits = Objects.requireNonNull(exits, "exits");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public void onFill(Fill fill) {
        book.apply(fill);
        recorder.onFill(fill).ifPresent(trade -> risk.onTradeClosed(trade.exitTime(), trade.pnl()));
    }

    @Override
    public void onOrderUpdate(Order order) {
        if (order.status() == OrderStatus.REJECTED || order.status() == OrderStatus.EXPIRED) {
            rejections.merge(order.rejection().reason(), 1, Integer::sum);
        }
        if (!order.isOpen()) {
            pendingEntries.remove(order.symbol(), order.id());
            pendingExits.remove(order.symbol(), order.id());
        }
    }

    /** Marks the book at {@code candle}'s close and reports the equity to the risk policy. */
    public void onBarClosed(Symbol symbol, Candle candle) {
        LastClose last = lastCloses.get(symbol);
        if (last == null) {
            last = new LastClose();
            lastCloses.put(symbol, last);
        }
        last.set(candle.close());
        if (book.quantity(symbol).signum() > 0) {
            book.mark(symbol, last.decimal());
        }
        risk.onEquity(candle.openTime(), book.equity());
    }

    /**
     * Halts or resumes new entries: while halted, a buy signal is refused ({@link RefusalReason#ENTRIES_HALTED})
     * before the risk policy is asked; sell signals, protective exits and open orders go on as usual.
     */
    public void haltEntries(boolean halted) {
        this.entriesHalted = halted;
    }

    /**
     * Acts on the strategy's signal at the close of the candle last given to {@link #onBarClosed} for
     * {@code symbol}.
     */
    public void onSignal(Symbol symbol, Signal signal) {
        switch (signal.side()) {
            case BUY -> enter(symbol, signal);
            case SELL -> exit(symbol, ExitReason.SIGNAL);
            case HOLD -> {
            }
        }
    }

    /**
     * Cancels every open order, exits in flight included, and closes every position with a market order, for
     * {@code reason}.
     */
    public void closeAll(ExitReason reason) {
        for (Symbol symbol : rules.keySet()) {
            cancelOpenOrders(symbol);
            exit(symbol, reason);
        }
    }

    private void enter(Symbol symbol, Signal signal) {
        if (book.quantity(symbol).signum() > 0 || pendingEntries.containsKey(symbol)
                || pendingExits.containsKey(symbol)) {
            return;
        }
        if (entriesHalted) {
            refusals.merge(RefusalReason.ENTRIES_HALTED, 1, Integer::sum);
            return;
        }
        BigDecimal price = lastClose(symbol);
        RiskDecision decision = risk.evaluateEntry(signal.openInstant(), rulesOf(symbol), price, snapshot());
        if (decision instanceof RiskDecision.Refused refused) {
            refusals.merge(refused.reason(), 1, Integer::sum);
            return;
        }
        BigDecimal quantity = ((RiskDecision.Approved) decision).quantity();
        ClientOrderId id = ids.next();
        recorder.expectEntry(id, signal.reasons());
        Order placed = exchange.submit(OrderRequest.market(id, symbol, OrderSide.BUY, quantity).withBracket(exits));
        if (placed.isOpen()) {
            pendingEntries.put(symbol, id);
        }
    }

    private void exit(Symbol symbol, ExitReason reason) {
        if (pendingExits.containsKey(symbol)) {
            return;
        }
        cancelOpenOrders(symbol);
        BigDecimal held = book.quantity(symbol);
        if (held.signum() == 0) {
            return;
        }
        ClientOrderId id = ids.next();
        Order placed = exchange.submit(OrderRequest.market(id, symbol, OrderSide.SELL, held).withExitReason(reason));
        if (placed.isOpen()) {
            pendingExits.put(symbol, id);
        }
    }

    private void cancelOpenOrders(Symbol symbol) {
        for (Order order : exchange.openOrders(symbol)) {
            exchange.cancel(order.id());
        }
    }

    private AccountSnapshot snapshot() {
        BigDecimal committed = BigDecimal.ZERO;
        int entering = 0;
        for (Map.Entry<Symbol, ClientOrderId> pending : pendingEntries.entrySet()) {
            Order order = exchange.order(pending.getValue()).orElseThrow();
            committed = committed.add(order.remainingQuantity().multiply(lastClose(pending.getKey())));
            if (book.quantity(pending.getKey()).signum() == 0) {
                entering++;
            }
        }
        return new AccountSnapshot(book.equity(), book.cash().subtract(committed),
                book.openPositionCount() + entering, book.exposure().add(committed));
    }

    private BigDecimal lastClose(Symbol symbol) {
        LastClose close = lastCloses.get(symbol);
        if (close == null || !close.known) {
            throw new IllegalStateException("signal for " + symbol + " before any candle of it closed");
        }
        return close.decimal();
    }

    private SymbolRules rulesOf(Symbol symbol) {
        SymbolRules r = rules.get(symbol);
        if (r == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not traded by this trader");
        }
        return r;
    }

    /** The trader's ledger. */
    public Ledger book() {
        return book;
    }

    /** Closed trades so far. */
    public List<Trade> trades() {
        return recorder.trades();
    }

    /** How often the risk policy refused an entry, by reason. */
    public Map<RefusalReason, Integer> refusals() {
        return Collections.unmodifiableMap(refusals);
    }

    /** How often the exchange rejected or expired an order, by reason. */
    public Map<RejectReason, Integer> rejections() {
        return Collections.unmodifiableMap(rejections);
    }

    /**
     * The close of a symbol's last candle, overwritten in place each candle, and its decimal, converted once per
     * distinct close (a close equal to the previous one keeps the same decimal, so the book's equity is unchanged).
     */
    private static final class LastClose {

        private double value;
        private boolean known;
        private BigDecimal decimal;

        void set(double close) {
            if (!known || Double.compare(close, value) != 0) {
                value = close;
                decimal = null;
                known = true;
            }
        }

        BigDecimal decimal() {
            if (decimal == null) {
                decimal = BigDecimal.valueOf(value);
            }
            return decimal;
        }
    }
}
