package io.botcore.core.backtest;

import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.FillModel;
import io.botcore.core.execution.Ledger;
import io.botcore.core.execution.SimulatedExchange;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.risk.RiskPolicy;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.trading.ClientOrderIdSequence;
import io.botcore.core.trading.SignalTrader;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs strategies over recorded candles through the same pieces paper and live trading use: a {@link
 * SignalTrader} with a {@link RiskPolicy}, sending orders to a {@link SimulatedExchange} with the {@link
 * FillModel}. Several symbols share one account.
 *
 * <p>For each candle open time, in time order, and for each market with a candle at that time (in the order the
 * markets were given): the exchange runs the open orders against the candle (orders placed at an earlier close
 * fill here, at the open at the earliest); the trader marks the book at the close; one equity point is recorded;
 * then each strategy sees its candle and the trader acts on its signal. When the data ends, every open order is
 * cancelled and every position is closed at its symbol's last close with the taker costs
 * ({@link ExitReason#END_OF_DATA}); the last equity point includes that.
 *
 * <p>A run is deterministic: the same markets and configuration give the same result. Thread-safe: each
 * {@link #run} builds its own exchange, trader and risk policy (the strategies passed in are stateful and must not
 * be shared between runs).
 */
public final class Backtester {

    private final BacktestConfig config;

    public Backtester(BacktestConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Backtests {@code strategy} on one symbol. */
    public BacktestResult run(Strategy strategy, SymbolRules rules, CandleSeries candles) {
        return run(List.of(new BacktestMarket(rules, candles, strategy)));
    }

    /**
     * Backtests several symbols in one portfolio.
     *
     * @throws IllegalArgumentException if there are no markets, a symbol appears twice or intervals differ
     */
    public BacktestResult run(List<BacktestMarket> markets) {
        Interval interval = checkMarkets(markets);
        List<SymbolRules> rules = markets.stream().map(BacktestMarket::rules).toList();
        SimulatedExchange exchange = new SimulatedExchange(rules, new FillModel(config.fillModel()),
                config.initialCash());
        SignalTrader trader = new SignalTrader(exchange, new RiskPolicy(config.risk()),
                new Ledger(config.initialCash()), rules, config.exits(), new ClientOrderIdSequence("bt", 1));
        exchange.addListener(trader);
        Ledger book = trader.book();
        long start = markets.stream().mapToLong(m -> m.candles().firstOpenTime()).min().orElseThrow();
        EquityCurve.Builder curve = new EquityCurve.Builder(interval, start, config.initialCash().doubleValue());

        // The ledger returns the same equity object until a fill or a mark changes it: convert it only then.
        BigDecimal markedEquity = null;
        double markedValue = 0;
        int[] next = new int[markets.size()];
        Candle[] current = new Candle[markets.size()];
        for (long time = start; time != Long.MAX_VALUE; time = nextTime(markets, next)) {
            for (int m = 0; m < markets.size(); m++) {
                CandleSeries candles = markets.get(m).candles();
                boolean active = next[m] < candles.size() && candles.openTime(next[m]) == time;
                current[m] = active ? candles.candle(next[m]) : null;
            }
            for (int m = 0; m < markets.size(); m++) {
                if (current[m] != null) {
                    exchange.onBar(markets.get(m).rules().symbol(), current[m]);
                }
            }
            for (int m = 0; m < markets.size(); m++) {
                if (current[m] != null) {
                    trader.onBarClosed(markets.get(m).rules().symbol(), current[m]);
                }
            }
            BigDecimal equity = book.equity();
            if (equity != markedEquity) {
                markedEquity = equity;
                markedValue = equity.doubleValue();
            }
            curve.add(time + interval.millis(), markedValue, book.openPositionCount() > 0);
            for (int m = 0; m < markets.size(); m++) {
                if (current[m] != null) {
                    BacktestMarket market = markets.get(m);
                    trader.onSignal(market.rules().symbol(), market.strategy().onCandle(current[m]));
                    next[m]++;
                }
            }
        }
        settle(markets, exchange, trader);
        curve.replaceLast(book.equity().doubleValue());

        Map<Symbol, BuyAndHold> benchmarks = new LinkedHashMap<>();
        for (BacktestMarket market : markets) {
            benchmarks.put(market.rules().symbol(),
                    PerformanceCalculator.buyAndHold(market.rules().symbol(), market.candles()));
        }
        EquityCurve equity = curve.build();
        PerformanceMetrics metrics = PerformanceCalculator.measure(equity, trader.trades(), config.initialCash(),
                book.equity(), book.feesPaid());
        return new BacktestResult(trader.trades(), book.entries(), equity, metrics, benchmarks, trader.refusals(),
                trader.rejections());
    }

    private static void settle(List<BacktestMarket> markets, SimulatedExchange exchange, SignalTrader trader) {
        trader.closeAll(ExitReason.END_OF_DATA);
        for (BacktestMarket market : markets) {
            CandleSeries candles = market.candles();
            Candle last = candles.candle(candles.size() - 1);
            exchange.settleAtClose(market.rules().symbol(), last);
            trader.onBarClosed(market.rules().symbol(), last);
        }
    }

    /** The earliest open time of a candle not yet run, or {@code Long.MAX_VALUE} when all have run. */
    private static long nextTime(List<BacktestMarket> markets, int[] next) {
        long earliest = Long.MAX_VALUE;
        for (int m = 0; m < markets.size(); m++) {
            CandleSeries candles = markets.get(m).candles();
            if (next[m] < candles.size()) {
                earliest = Math.min(earliest, candles.openTime(next[m]));
            }
        }
        return earliest;
    }

    private static Interval checkMarkets(List<BacktestMarket> markets) {
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one market");
        }
        Interval interval = markets.get(0).candles().interval();
        Set<Symbol> seen = new HashSet<>();
        for (BacktestMarket market : markets) {
            if (!seen.add(market.rules().symbol())) {
                throw new IllegalArgumentException("symbol " + market.rules().symbol() + " appears twice");
            }
            if (market.candles().interval() != interval) {
                throw new IllegalArgumentException("all markets need " + interval + " candles but "
                        + market.rules().symbol() + " has " + market.candles().interval());
            }
        }
        return interval;
    }
}
