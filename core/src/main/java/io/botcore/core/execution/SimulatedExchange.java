package io.botcore.core.execution;

import io.botcore.core.market.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * An exchange simulated candle by candle with the {@link FillModel}: the exchange behind the {@link ExchangePort}
 * in backtests and in paper trading.
 *
 * <p><b>Placing.</b> {@link #submit} checks the symbol's filters (step, minimum quantity, tick, minimum notional
 * at the limit or stop price, or at the last close for a market order) and accepts or rejects at once. Funds are
 * checked when an order fills: a buy whose cost and fee exceed the cash, or a sell of more than is held, ends the
 * order as {@link OrderStatus#EXPIRED}.
 *
 * <p><b>Filling.</b> {@link #onBar} runs the open orders of a symbol against one closed candle: first everything
 * that executes at the open, then stops reached inside the candle, then limits traded through (see {@link
 * BarPhase}); within a phase in the order they were placed. Each fill is booked in the exchange's own account and
 * reported to the listeners.
 *
 * <p><b>Brackets.</b> When an entry with an {@link ExitBracket} fills, the exchange places its exits for the
 * filled quantity (growing them with later fills of the entry): a stop ({@code <entry id>-sl}) and a take-profit
 * limit ({@code <entry id>-tp}), one cancelling the other. Conservative rules:
 * <ul>
 *   <li>If both exits would execute in the same candle, only the one with the worse price for the account does
 *       (for a long: the stop), whatever the candle's path.</li>
 *   <li>A stop the open gapped through fills at the open, not at the stop.</li>
 *   <li>Exits placed for an entry that filled at the open are checked against the rest of that candle. Exits of
 *       an entry filled inside the candle check only the stop on that candle (the candle may have reached its
 *       low after the entry, but whether it reached its high after it is unknown).</li>
 *   <li>A trailing stop moves after each candle, from the best price (high for a long) up to and including
 *       that candle, never during it; it never moves back. It does not move on the candle its entry filled
 *       inside of.</li>
 *   <li>When an exit fills, its sibling and what is left of the entry are cancelled.</li>
 * </ul>
 *
 * <p><b>End of data.</b> {@link #settleAtClose} fills the open market orders of a symbol at a candle's close,
 * in full, with the taker costs, so a backtest can end flat.
 *
 * <p>Not thread-safe: one thread submits, cancels and feeds candles (the backtester, or the paper engine's
 * per-bot thread).
 */
public final class SimulatedExchange implements ExchangePort {

    private static final Comparator<Candidate> EXECUTION_ORDER = Comparator
            .comparing((Candidate c) -> c.trigger().phase()).thenComparingLong(Candidate::sequence);

    private final Map<Symbol, SymbolRules> rules = new LinkedHashMap<>();
    private final FillModel fillModel;
    private final Ledger account;
    private final Map<ClientOrderId, Order> orders = new HashMap<>();
    /** Open orders in the order they were placed; replacing a value keeps its place. */
    private final Map<ClientOrderId, Order> open = new LinkedHashMap<>();
    private final Map<ClientOrderId, Bracket> bracketsByEntry = new HashMap<>();
    private final Map<ClientOrderId, Bracket> bracketsByExit = new HashMap<>();
    /** Best price since placement (high for a sell stop, low for a buy stop) of each open trailing stop. */
    private final Map<ClientOrderId, BigDecimal> trailingBest = new HashMap<>();
    /** Close of the last candle of each symbol, converted to a decimal only when an order needs it. */
    private final Map<Symbol, double[]> lastCloses = new HashMap<>();
    private final List<ExecutionListener> listeners = new ArrayList<>();

    /**
     * @param symbolRules the filters of every symbol traded
     * @param fillModel   the fill model
     * @param initialCash quote asset in the account
     */
    public SimulatedExchange(Collection<SymbolRules> symbolRules, FillModel fillModel, BigDecimal initialCash) {
        for (SymbolRules r : symbolRules) {
            rules.put(r.symbol(), r);
        }
        this.fillModel = Objects.requireNonNull(fillModel, "fillModel");
        this.account = new Ledger(initialCash);
    }

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        Order existing = orders.get(request.id());
        if (existing != null) {
            return existing.request().equals(request) ? existing
                    : Order.pending(request).rejected(new Rejection(RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                            "client order id " + request.id() + " is already used by another order"));
        }
        Optional<Rejection> refusal = check(request);
        Order order = refusal.map(Order.pending(request)::rejected).orElseGet(() -> Order.pending(request).accepted());
        orders.put(order.id(), order);
        if (order.isOpen()) {
            open.put(order.id(), order);
            if (request.trailingDistance() != null) {
                trailingBest.put(order.id(), lastPrice(request.symbol()).orElse(request.stopPrice()));
            }
        }
        notifyUpdate(order);
        return order;
    }

    private Optional<Rejection> check(OrderRequest request) {
        SymbolRules r = rules.get(request.symbol());
        if (r == null) {
            return Optional.of(new Rejection(RejectReason.UNKNOWN_SYMBOL, "symbol " + request.symbol()
                    + " is not traded here"));
        }
        Optional<Rejection> refusal = r.checkQuantity(request.quantity());
        BigDecimal price = request.limitPrice() != null ? request.limitPrice() : request.stopPrice();
        if (refusal.isEmpty() && price != null) {
            refusal = r.checkPrice(price);
        }
        if (price == null) {
            price = lastPrice(request.symbol()).orElse(null);
        }
        if (refusal.isEmpty() && price == null) {
            refusal = Optional.of(new Rejection(RejectReason.NO_MARKET_PRICE, "no price of " + request.symbol()
                    + " is known yet to check the notional of a market order"));
        }
        return refusal.isEmpty() ? r.checkMinNotional(price, request.quantity()) : refusal;
    }

    private Optional<BigDecimal> lastPrice(Symbol symbol) {
        double[] close = lastCloses.get(symbol);
        return close == null ? Optional.empty() : Optional.of(BigDecimal.valueOf(close[0]));
    }

    /** Records the close of {@code symbol}'s last candle in place, without boxing it. */
    private void recordClose(Symbol symbol, double close) {
        double[] last = lastCloses.get(symbol);
        if (last == null) {
            lastCloses.put(symbol, new double[] {close});
        } else {
            last[0] = close;
        }
    }

    @Override
    public Optional<Order> cancel(ClientOrderId id) {
        Order order = orders.get(id);
        if (order == null || !order.isOpen()) {
            return Optional.ofNullable(order);
        }
        return Optional.of(store(order.canceled()));
    }

    @Override
    public Optional<Order> order(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public List<Order> openOrders(Symbol symbol) {
        List<Order> result = new ArrayList<>();
        for (Order order : open.values()) {
            if (order.symbol().equals(symbol)) {
                result.add(order);
            }
        }
        return result;
    }

    @Override
    public void addListener(ExecutionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Quote asset in the exchange account. */
    public BigDecimal cash() {
        return account.cash();
    }

    /** Base asset of {@code symbol} in the exchange account. */
    public BigDecimal balance(Symbol symbol) {
        return account.quantity(symbol);
    }

    /**
     * Runs the open orders of {@code symbol} against {@code bar}, the next closed candle of that symbol.
     *
     * @return the fills, in the order they happened
     * @throws IllegalArgumentException if the symbol is not traded here
     */
    public List<Fill> onBar(Symbol symbol, Candle bar) {
        SymbolRules r = rulesOf(symbol);
        recordClose(symbol, bar.close());
        if (open.isEmpty()) {
            return List.of();
        }
        List<Order> resting = openOrders(symbol);
        if (resting.isEmpty()) {
            return List.of();
        }
        BarRun run = new BarRun(bar, r, fillModel.volumeCap(bar, r));
        List<Candidate> first = new ArrayList<>();
        for (Order order : resting) {
            candidate(run, order).ifPresent(first::add);
        }
        run.schedule(first);
        while (!run.queue.isEmpty()) {
            execute(run, run.queue.poll());
        }
        trail(symbol, bar, r, run.placedInside);
        return run.fills;
    }

    /**
     * Fills every open market order of {@code symbol} in full at the close of {@code bar}, with the taker costs
     * of the fill model and no volume cap: how a backtest closes what is open when the data ends.
     *
     * @return the fills
     */
    public List<Fill> settleAtClose(Symbol symbol, Candle bar) {
        SymbolRules r = rulesOf(symbol);
        BarRun run = new BarRun(bar, r, null);
        Trigger atClose = new Trigger(BarPhase.OPEN, BigDecimal.valueOf(bar.close()), Liquidity.TAKER);
        for (Order order : openOrders(symbol)) {
            if (order.type() == OrderType.MARKET) {
                execute(run, new Candidate(order.id(), atClose, 0));
            }
        }
        recordClose(symbol, bar.close());
        return run.fills;
    }

    private SymbolRules rulesOf(Symbol symbol) {
        SymbolRules r = rules.get(symbol);
        if (r == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not traded here");
        }
        return r;
    }

    private Optional<Candidate> candidate(BarRun run, Order order) {
        return fillModel.trigger(order, run.bar).map(t -> new Candidate(order.id(), t, run.nextSequence++));
    }

    private void execute(BarRun run, Candidate candidate) {
        Order order = open.get(candidate.orderId());
        if (order == null) {
            return;
        }
        BigDecimal quantity = run.volumeLeft == null ? order.remainingQuantity()
                : order.remainingQuantity().min(run.volumeLeft);
        if (quantity.signum() <= 0) {
            if (order.type() == OrderType.STOP_MARKET && !order.triggered()) {
                store(order.triggeredNow());
            }
            return;
        }
        Execution execution = fillModel.execute(order.side(), candidate.trigger(), quantity, run.volume, run.rules);
        Optional<Rejection> lack = lackOfFunds(order, execution);
        if (lack.isPresent()) {
            store(order.expired(lack.get()));
            return;
        }
        if (run.volumeLeft != null) {
            run.volumeLeft = run.volumeLeft.subtract(quantity);
        }
        Fill fill = new Fill(order.id(), order.symbol(), order.side(), execution.price(), quantity, execution.fee(),
                execution.liquidity(), run.time, exitReasonOf(order));
        account.apply(fill);
        run.fills.add(fill);
        for (ExecutionListener listener : listeners) {
            listener.onFill(fill);
        }
        Order filled = order.filled(quantity, execution.price());
        if (filled.isOpen() && filled.type() == OrderType.STOP_MARKET && !filled.triggered()) {
            filled = filled.triggeredNow();
        }
        store(filled);
        afterFill(run, filled, fill, candidate.trigger().phase());
    }

    private Optional<Rejection> lackOfFunds(Order order, Execution execution) {
        if (order.side() == OrderSide.BUY && execution.cost().compareTo(account.cash()) > 0) {
            return Optional.of(new Rejection(RejectReason.INSUFFICIENT_FUNDS, "buy of "
                    + execution.quantity().toPlainString() + " " + order.symbol() + " costs "
                    + execution.cost().toPlainString() + " with fee but cash is " + account.cash().toPlainString()));
        }
        BigDecimal held = account.quantity(order.symbol());
        if (order.side() == OrderSide.SELL && execution.quantity().compareTo(held) > 0) {
            return Optional.of(new Rejection(RejectReason.INSUFFICIENT_BALANCE, "sell of "
                    + execution.quantity().toPlainString() + " " + order.symbol() + " exceeds the "
                    + held.toPlainString() + " held"));
        }
        return Optional.empty();
    }

    private ExitReason exitReasonOf(Order order) {
        Bracket bracket = bracketsByExit.get(order.id());
        if (bracket == null) {
            return order.request().exitReason();
        }
        return order.id().equals(bracket.stopId) ? bracket.stopReason(order.stopPrice()) : ExitReason.TAKE_PROFIT;
    }

    private void afterFill(BarRun run, Order filled, Fill fill, BarPhase phase) {
        Bracket asExit = bracketsByExit.get(filled.id());
        if (asExit != null) {
            cancelIfOpen(asExit.siblingOf(filled.id()));
            cancelIfOpen(asExit.entryId);
            return;
        }
        if (filled.request().bracket().isEmpty()) {
            return;
        }
        Bracket bracket = bracketsByEntry.get(filled.id());
        if (bracket != null) {
            growIfOpen(bracket.stopId, fill.quantity());
            growIfOpen(bracket.takeProfitId, fill.quantity());
            return;
        }
        placeExits(run, filled.request(), fill, phase);
    }

    private void placeExits(BarRun run, OrderRequest entry, Fill fill, BarPhase phase) {
        Bracket bracket = new Bracket(entry, fill.price(), run.rules);
        bracketsByEntry.put(entry.id(), bracket);
        List<Candidate> exits = new ArrayList<>();
        if (bracket.stopId != null) {
            OrderRequest stop = OrderRequest.stopMarket(bracket.stopId, entry.symbol(), bracket.exitSide,
                    fill.quantity(), bracket.initialStop).withTrailingDistance(bracket.trailingDistance)
                    .withExitReason(bracket.stopLossPrice != null ? ExitReason.STOP_LOSS : ExitReason.TRAILING_STOP);
            Order placed = placeExit(bracket, stop);
            if (bracket.trailingDistance != null) {
                trailingBest.put(placed.id(), fill.price());
            }
            exitCandidate(run, placed, phase).ifPresent(exits::add);
        }
        if (bracket.takeProfitId != null) {
            OrderRequest takeProfit = OrderRequest.limit(bracket.takeProfitId, entry.symbol(), bracket.exitSide,
                    fill.quantity(), bracket.takeProfitPrice).withExitReason(ExitReason.TAKE_PROFIT);
            exitCandidate(run, placeExit(bracket, takeProfit), phase).ifPresent(exits::add);
        }
        if (phase != BarPhase.OPEN) {
            run.placedInside.add(bracket.stopId);
        }
        run.schedule(exits);
    }

    /** Whether an exit placed in this candle, for an entry that filled in {@code entryPhase}, executes in it. */
    private Optional<Candidate> exitCandidate(BarRun run, Order exit, BarPhase entryPhase) {
        if (entryPhase == BarPhase.OPEN) {
            return candidate(run, exit);
        }
        return fillModel.triggerAfterEntryInside(exit, run.bar)
                .map(t -> new Candidate(exit.id(), t, run.nextSequence++));
    }

    private Order placeExit(Bracket bracket, OrderRequest request) {
        Order placed = Order.pending(request).accepted();
        orders.put(placed.id(), placed);
        open.put(placed.id(), placed);
        bracketsByExit.put(placed.id(), bracket);
        notifyUpdate(placed);
        return placed;
    }

    private void growIfOpen(ClientOrderId id, BigDecimal quantity) {
        Order order = id == null ? null : open.get(id);
        if (order != null) {
            store(order.withQuantity(order.request().quantity().add(quantity)));
        }
    }

    private void cancelIfOpen(ClientOrderId id) {
        Order order = id == null ? null : open.get(id);
        if (order != null) {
            store(order.canceled());
        }
    }

    private void trail(Symbol symbol, Candle bar, SymbolRules r, Set<ClientOrderId> skip) {
        for (Order order : openOrders(symbol)) {
            BigDecimal distance = order.request().trailingDistance();
            if (distance == null || order.triggered() || skip.contains(order.id())) {
                continue;
            }
            boolean sell = order.side() == OrderSide.SELL;
            BigDecimal extreme = BigDecimal.valueOf(sell ? bar.high() : bar.low());
            BigDecimal previous = trailingBest.get(order.id());
            BigDecimal best = sell ? previous.max(extreme) : previous.min(extreme);
            trailingBest.put(order.id(), best);
            BigDecimal stop = Bracket.offset(order.side(), best, distance, true, r);
            if (sell ? stop.compareTo(order.stopPrice()) > 0 : stop.compareTo(order.stopPrice()) < 0) {
                store(order.withStopPrice(stop));
            }
        }
    }

    private Order store(Order order) {
        orders.put(order.id(), order);
        if (order.isOpen()) {
            open.put(order.id(), order);
        } else {
            open.remove(order.id());
            trailingBest.remove(order.id());
        }
        notifyUpdate(order);
        return order;
    }

    private void notifyUpdate(Order order) {
        for (ExecutionListener listener : listeners) {
            listener.onOrderUpdate(order);
        }
    }

    /** An order that executes in the current candle, and its place in the execution order. */
    private record Candidate(ClientOrderId orderId, Trigger trigger, long sequence) {
    }

    /** The state of one {@link #onBar} or {@link #settleAtClose} run. */
    private final class BarRun {

        final Candle bar;
        final SymbolRules rules;
        final Instant time;
        final BigDecimal volume;
        /** Base asset still fillable in this candle; {@code null} for no cap. */
        BigDecimal volumeLeft;
        final PriorityQueue<Candidate> queue = new PriorityQueue<>(EXECUTION_ORDER);
        final List<Fill> fills = new ArrayList<>();
        final Set<ClientOrderId> placedInside = new HashSet<>();
        long nextSequence;

        BarRun(Candle bar, SymbolRules rules, BigDecimal volumeCap) {
            this.bar = bar;
            this.rules = rules;
            this.time = bar.openInstant();
            this.volume = BigDecimal.valueOf(bar.volume());
            this.volumeLeft = volumeCap;
        }

        /**
         * Queues {@code candidates}; of two exits of one bracket that both execute, only the one with the worse
         * price for the account.
         */
        void schedule(List<Candidate> candidates) {
            for (Candidate candidate : candidates) {
                if (!isBeatenBySibling(candidate, candidates)) {
                    queue.add(candidate);
                }
            }
        }

        private boolean isBeatenBySibling(Candidate candidate, List<Candidate> candidates) {
            Bracket bracket = bracketsByExit.get(candidate.orderId());
            if (bracket == null) {
                return false;
            }
            ClientOrderId sibling = bracket.siblingOf(candidate.orderId());
            for (Candidate other : candidates) {
                if (other.orderId().equals(sibling)) {
                    int comparison = candidate.trigger().referencePrice().compareTo(other.trigger().referencePrice());
                    boolean worse = bracket.exitSide == OrderSide.SELL ? comparison < 0 : comparison > 0;
                    return !worse && !(comparison == 0 && candidate.orderId().equals(bracket.stopId));
                }
            }
            return false;
        }
    }
}
