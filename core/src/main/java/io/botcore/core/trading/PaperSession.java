package io.botcore.core.trading;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.execution.ClientOrderId;
import io.botcore.core.execution.ExecutionListener;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.FillModel;
import io.botcore.core.execution.Ledger;
import io.botcore.core.execution.Order;
import io.botcore.core.execution.SimulatedExchange;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.Candle;
import io.botcore.core.risk.RefusalReason;
import io.botcore.core.risk.RiskPolicy;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Signal;
import io.botcore.core.strategy.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One bot trading on paper: strategies, a {@link SignalTrader} with its {@link RiskPolicy}, and the {@link
 * SimulatedExchange} with the {@link FillModel}, fed one closed candle at a time. Each candle runs the steps the
 * backtester runs for it, in the same order (the exchange fills what is open against the candle, the trader marks
 * its book at the close, the strategy sees the candle and the trader acts on its signal), so a paper bot that
 * replays a series makes the trades the backtest of that series makes.
 *
 * <p>A session is a pure function of its configuration and the candles it is given: the same candles give the
 * same orders (with the same client order ids), fills and trades. The paper engine relies on that to survive a
 * crash: it persists what each step produced and, after a restart, rebuilds the session by feeding it the stored
 * candles again.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
public final class PaperSession {

    private final Map<Symbol, Strategy> strategies;
    private final SimulatedExchange exchange;
    private final SignalTrader trader;
    private final Map<Symbol, Candle> lastCandles = new LinkedHashMap<>();
    private final StepRecorder recorder = new StepRecorder();

    /**
     * @param markets       the rules of each symbol traded and the strategy that trades it (one instance per
     *                      symbol, used by this session only)
     * @param config        cash, fill model, risk limits and protective exits
     * @param orderIdPrefix prefix of the client order ids, unique to this session (for example the bot id and
     *                      run number)
     */
    public PaperSession(Map<SymbolRules, Strategy> markets, BacktestConfig config, String orderIdPrefix) {
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one market");
        }
        Objects.requireNonNull(config, "config");
        this.strategies = new LinkedHashMap<>();
        for (Map.Entry<SymbolRules, Strategy> market : markets.entrySet()) {
            strategies.put(market.getKey().symbol(), Objects.requireNonNull(market.getValue(), "strategy"));
        }
        List<SymbolRules> rules = List.copyOf(markets.keySet());
        this.exchange = new SimulatedExchange(rules, new FillModel(config.fillModel()), config.initialCash());
        this.trader = new SignalTrader(exchange, new RiskPolicy(config.risk()), new Ledger(config.initialCash()),
                rules, config.exits(), new ClientOrderIdSequence(orderIdPrefix, 1));
        exchange.addListener(trader);
        exchange.addListener(recorder);
    }

    /**
     * Shows {@code candle}, a candle from before the session's start, to the strategy of {@code symbol} only, so
     * its indicators are warm when trading starts. Nothing is traded.
     */
    public void warmUp(Symbol symbol, Candle candle) {
        strategyOf(symbol).onCandle(candle);
    }

    /**
     * Runs the next closed candle of {@code symbol}.
     *
     * @return what the candle brought: the strategy's signal, what the trader did about it, fills, orders and
     *         trades closed
     */
    public Step onCandle(Symbol symbol, Candle candle) {
        return onCandle(symbol, candle, false);
    }

    /**
     * Runs the next closed candle of {@code symbol}, with new entries halted or not (maintenance mode): a halted
     * entry is refused with {@link RefusalReason#ENTRIES_HALTED}, exits and protective orders run as usual. A
     * rebuild must pass the same flag for the same candle to arrive at the same state.
     */
    public Step onCandle(Symbol symbol, Candle candle, boolean entriesHalted) {
        Strategy strategy = strategyOf(symbol);
        recorder.begin();
        int tradesBefore = trader.trades().size();
        exchange.onBar(symbol, candle);
        trader.onBarClosed(symbol, candle);
        lastCandles.put(symbol, candle);
        Signal signal = strategy.onCandle(candle);
        int ordersBefore = recorder.placed.size();
        Map<RefusalReason, Integer> refusalsBefore = new EnumMap<>(RefusalReason.class);
        refusalsBefore.putAll(trader.refusals());
        trader.haltEntries(entriesHalted);
        trader.onSignal(symbol, signal);
        trader.haltEntries(false);
        Decision decision = decide(signal, recorder.placed.subList(ordersBefore, recorder.placed.size()),
                refusalsBefore);
        return recorder.finish(symbol, candle.openTime(), signal, decision,
                trader.trades().subList(tradesBefore, trader.trades().size()), trader.book());
    }

    /**
     * Cancels every open order and closes every position at once, at the close of the last candle of its symbol
     * with the taker costs of the fill model (the paper equivalent of a market order sent now): what stopping a
     * bot or the kill switch does.
     *
     * @return the step with the fills and trades that brought the session flat; no signal
     */
    public Step closeAll(ExitReason reason) {
        recorder.begin();
        int tradesBefore = trader.trades().size();
        trader.closeAll(reason);
        for (Map.Entry<Symbol, Candle> last : lastCandles.entrySet()) {
            exchange.settleAtClose(last.getKey(), last.getValue());
            trader.onBarClosed(last.getKey(), last.getValue());
        }
        long time = lastCandles.values().stream().mapToLong(Candle::openTime).max().orElse(0);
        return recorder.finish(null, time, null, null,
                trader.trades().subList(tradesBefore, trader.trades().size()), trader.book());
    }

    private Decision decide(Signal signal, List<ClientOrderId> placed, Map<RefusalReason, Integer> refusalsBefore) {
        if (signal.side() == Side.HOLD) {
            return null;
        }
        if (!placed.isEmpty()) {
            return new Decision(Decision.Outcome.ORDER_PLACED, List.copyOf(placed), null);
        }
        for (Map.Entry<RefusalReason, Integer> count : trader.refusals().entrySet()) {
            if (count.getValue() > refusalsBefore.getOrDefault(count.getKey(), 0)) {
                return new Decision(Decision.Outcome.REFUSED, List.of(), count.getKey());
            }
        }
        return new Decision(Decision.Outcome.NOTHING_TO_DO, List.of(), null);
    }

    private Strategy strategyOf(Symbol symbol) {
        Strategy strategy = strategies.get(symbol);
        if (strategy == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not traded by this session");
        }
        return strategy;
    }

    /** The session's book: cash, positions, fees, realised PnL. */
    public Ledger book() {
        return trader.book();
    }

    /** Closed trades so far. */
    public List<Trade> trades() {
        return trader.trades();
    }

    /** The open orders of {@code symbol}. */
    public List<Order> openOrders(Symbol symbol) {
        return exchange.openOrders(symbol);
    }

    /** The symbols traded, in the order given. */
    public List<Symbol> symbols() {
        return List.copyOf(strategies.keySet());
    }

    /**
     * What the trader did about a buy or sell signal.
     *
     * @param outcome  placed an order, refused by the risk policy, or nothing to do (a sell while flat, a buy
     *                 while a position is open or in flight)
     * @param orderIds the orders it placed
     * @param refusal  the risk policy's reason when refused
     */
    public record Decision(Outcome outcome, List<ClientOrderId> orderIds, RefusalReason refusal) {

        /** Kinds of decision. */
        public enum Outcome {
            ORDER_PLACED, REFUSED, NOTHING_TO_DO
        }
    }

    /**
     * What one candle (or one {@link #closeAll}) brought.
     *
     * @param symbol   the candle's symbol; {@code null} for a close-all
     * @param openTime the candle's open time (for a close-all: the latest candle's), UTC epoch milliseconds
     * @param signal   the strategy's signal; {@code null} for a close-all
     * @param decision what the trader did about a buy or sell; {@code null} for a hold or a close-all
     * @param fills    fills, in the order they happened
     * @param orders   the final state in this step of each order placed or changed, in first-touch order
     * @param trades   trades closed
     * @param cash     cash after the step, quote asset
     * @param equity   equity after the step at the last marks, quote asset
     */
    public record Step(Symbol symbol, long openTime, Signal signal, Decision decision, List<Fill> fills,
            List<Order> orders, List<Trade> trades, BigDecimal cash, BigDecimal equity) {
    }

    /** Collects the exchange's events of one step. */
    private static final class StepRecorder implements ExecutionListener {

        final List<Fill> fills = new ArrayList<>();
        final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
        /** Orders placed in this step, bracket exits included. */
        final List<ClientOrderId> placed = new ArrayList<>();
        final Set<ClientOrderId> known = new HashSet<>();

        void begin() {
            fills.clear();
            orders.clear();
            placed.clear();
        }

        @Override
        public void onFill(Fill fill) {
            fills.add(fill);
        }

        @Override
        public void onOrderUpdate(Order order) {
            if (known.add(order.id())) {
                placed.add(order.id());
            }
            orders.put(order.id(), order);
        }

        Step finish(Symbol symbol, long openTime, Signal signal, Decision decision, List<Trade> trades,
                Ledger book) {
            return new Step(symbol, openTime, signal, decision, List.copyOf(fills), List.copyOf(orders.values()),
                    List.copyOf(trades), book.cash(), book.equity());
        }
    }
}
