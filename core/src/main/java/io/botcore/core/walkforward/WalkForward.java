package io.botcore.core.walkforward;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.BuyAndHold;
import io.botcore.core.backtest.EquityCurve;
import io.botcore.core.backtest.PerformanceCalculator;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.optimize.DeflatedSharpe;
import io.botcore.core.optimize.MarketCandles;
import io.botcore.core.optimize.Metric;
import io.botcore.core.optimize.OptimizationResult;
import io.botcore.core.optimize.Optimizer;
import io.botcore.core.optimize.ReturnMoments;
import io.botcore.core.optimize.Trial;
import io.botcore.core.trading.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walk-forward analysis of one strategy over a parameter set.
 *
 * <p>For each {@link WalkForwardWindow} of the {@link WalkForwardPlan}: every candidate is backtested on the
 * training candles and the best by the metric is chosen; then those parameters trade the test candles, the
 * strategy first fed the training candles so its indicators are warm, but no order placed before the test window.
 * The first test window starts with the configured cash and each next one with the equity the previous ended with;
 * every position is closed at the end of each test window (at its last close, with taker costs), so test windows
 * are independent runs whose equity curves stitch into one. The out-of-sample verdict uses that stitched curve and
 * its trades only.
 *
 * <p>The deflated Sharpe ratio counts every trial of every training window ({@code windows x candidates}) and the
 * variance of all their per-candle Sharpe ratios; the Monte Carlo reshuffles each out-of-sample trade's return,
 * its PnL over the equity before its entry.
 *
 * <p>Deterministic: the same inputs give the same result with any number of threads. Thread-safe.
 */
public final class WalkForward {

    /** Reshuffles of the Monte Carlo drawdown distribution. */
    public static final int MONTE_CARLO_RUNS = 1000;

    private final BacktestConfig config;
    private final int threads;
    private final long seed;

    /**
     * @param config  cash, fill model, risk limits and exits
     * @param threads worker threads of each training search
     * @param seed    seed of the Monte Carlo reshuffles
     */
    public WalkForward(BacktestConfig config, int threads, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.threads = threads;
        this.seed = seed;
    }

    /**
     * Walks {@code strategy} forward over the whole of each market's candles.
     *
     * @param markets    each symbol's filters and all its candles (same interval)
     * @param candidates parameter sets to choose from in each training window
     * @param progress   told after each training trial, counting across all windows
     * @throws IllegalArgumentException if a candidate is refused, no window fits, or a window has no candles
     */
    public WalkForwardResult run(String strategy, List<Map<String, String>> candidates, List<MarketCandles> markets,
            Metric metric, WalkForwardPlan plan, Optimizer.Progress progress) {
        Optimizer.validate(strategy, candidates);
        long start = markets.stream().mapToLong(m -> m.candles().firstOpenTime()).max().orElseThrow();
        long end = markets.stream().mapToLong(m -> m.candles().lastOpenTime()
                + m.candles().interval().millis()).min().orElseThrow();
        List<WalkForwardWindow> windows = plan.windows(start, end);
        int total = windows.size() * candidates.size();
        Optimizer optimizer = new Optimizer(config, threads);
        BigDecimal cash = config.initialCash();
        List<WindowResult> results = new ArrayList<>();
        List<Double> sharpes = new ArrayList<>();
        for (WalkForwardWindow window : windows) {
            int before = results.size() * candidates.size();
            OptimizationResult search = optimizer.search(strategy, candidates, slice(markets, window, false), metric,
                    (done, all) -> progress.trialDone(before + done, total));
            search.trials().forEach(t -> sharpes.add(t.returns().sharpe()));
            Trial best = search.best();
            BacktestResult outOfSample = new Optimizer(config.withInitialCash(cash), 1).backtest(strategy,
                    best.parameters(), slice(markets, window, true));
            cash = outOfSample.metrics().finalEquity();
            results.add(new WindowResult(window, search.trialCount(), best, outOfSample));
        }
        return summarise(strategy, metric, markets, results, total, sharpes);
    }

    private WalkForwardResult summarise(String strategy, Metric metric, List<MarketCandles> markets,
            List<WindowResult> results, int trials, List<Double> sharpes) {
        EquityCurve equity = EquityCurve.stitch(results.stream().map(r -> r.outOfSample().equityCurve()).toList());
        List<Trade> trades = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        for (WindowResult result : results) {
            trades.addAll(result.outOfSample().trades());
            fees = fees.add(result.outOfSample().metrics().feesPaid());
        }
        BigDecimal finalEquity = results.get(results.size() - 1).outOfSample().metrics().finalEquity();
        long testFrom = results.get(0).window().testFrom();
        long testTo = results.get(results.size() - 1).window().testTo();
        Map<Symbol, BuyAndHold> buyAndHold = new LinkedHashMap<>();
        for (MarketCandles market : markets) {
            buyAndHold.put(market.rules().symbol(), PerformanceCalculator.buyAndHold(market.rules().symbol(),
                    market.candles().between(testFrom, testTo)));
        }
        DeflatedSharpe dsr = DeflatedSharpe.of(ReturnMoments.of(equity), trials,
                DeflatedSharpe.variance(sharpes.stream().mapToDouble(Double::doubleValue).toArray()));
        MonteCarloDrawdowns monteCarlo = MonteCarloDrawdowns.of(tradeReturns(trades, equity), MONTE_CARLO_RUNS,
                seed);
        return new WalkForwardResult(strategy, metric, results, equity, trades,
                PerformanceCalculator.measure(equity, trades, config.initialCash(), finalEquity, fees), buyAndHold,
                trials, dsr, monteCarlo);
    }

    /** Each market's training candles, or its test candles warmed up by the training ones. */
    private static List<MarketCandles> slice(List<MarketCandles> markets, WalkForwardWindow window, boolean test) {
        List<MarketCandles> sliced = new ArrayList<>(markets.size());
        for (MarketCandles market : markets) {
            SymbolRules rules = market.rules();
            CandleSeries train = market.candles().between(window.trainFrom(), window.trainTo());
            CandleSeries testCandles = market.candles().between(window.testFrom(), window.testTo());
            CandleSeries traded = test ? testCandles : train;
            if (traded.size() < 2) {
                throw new IllegalArgumentException("window " + window.number() + " has " + traded.size() + " "
                        + (test ? "test" : "training") + " candles of " + rules.symbol() + " from "
                        + Instant.ofEpochMilli(test ? window.testFrom() : window.trainFrom()));
            }
            sliced.add(test ? new MarketCandles(rules, train, testCandles) : MarketCandles.of(rules, train));
        }
        return sliced;
    }

    /**
     * Each trade's PnL over the equity just before its entry: the last curve point (a candle close) at or before
     * the entry candle's open, or the start equity.
     */
    static double[] tradeReturns(List<Trade> trades, EquityCurve equity) {
        double[] returns = new double[trades.size()];
        long[] times = equity.times();
        for (int i = 0; i < returns.length; i++) {
            Trade trade = trades.get(i);
            long entry = trade.entryTime().toEpochMilli();
            int at = java.util.Arrays.binarySearch(times, entry);
            int index = at >= 0 ? at : -at - 2;
            double before = index < 0 ? equity.startEquity() : equity.equity(index);
            returns[i] = trade.pnl().divide(BigDecimal.valueOf(before), MathContext.DECIMAL64).doubleValue();
        }
        return returns;
    }
}
