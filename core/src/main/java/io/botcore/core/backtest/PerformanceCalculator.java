package io.botcore.core.backtest;

import io.botcore.core.execution.Symbol;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.trading.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;

/**
 * Computes {@link PerformanceMetrics} and {@link BuyAndHold}.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Returns: simple per-candle returns {@code r_i = E_i / E_(i-1) - 1} of the {@link EquityCurve}, the first
 *       from the initial cash. A gap in the data makes one return span the missing candles.</li>
 *   <li>Annualisation: {@code P} = candles of the interval in a year of 365 days (8760 for 1h, 525600 for 1m).
 *       Sharpe = {@code mean(r) / stdev(r) * sqrt(P)} with the sample standard deviation (n - 1) and no risk-free
 *       rate. Sortino = {@code mean(r) / sqrt(sum(min(r, 0)^2) / n) * sqrt(P)}, target return 0.</li>
 *   <li>CAGR = {@code (final / initial)^(1 / years) - 1} with years = (close of the last candle - open of the first)
 *       / 365 days; Calmar = CAGR / max drawdown.</li>
 *   <li>Max drawdown = largest {@code 1 - E_i / peak} over the curve including the start; its duration runs from
 *       that peak until equity first regains it, or until the end if it never does.</li>
 *   <li>Trades: win rate = trades with PnL &gt; 0 / trades; profit factor = sum of positive PnL / |sum of negative
 *       PnL|; expectancy = mean PnL. Exposure = share of equity points with a position open.</li>
 *   <li>Buy-and-hold: {@code lastClose / firstClose - 1}; its CAGR, drawdown and Sharpe from the close series the
 *       same way, starting at the first close.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PerformanceCalculator {

    private PerformanceCalculator() {
    }

    /**
     * Metrics of a backtest.
     *
     * @param curve         equity after every candle
     * @param trades        closed trades
     * @param initialEquity cash at the start, quote asset
     * @param finalEquity   exact equity at the end, quote asset
     * @param feesPaid      fees of every fill, quote asset
     */
    public static PerformanceMetrics measure(EquityCurve curve, List<Trade> trades, BigDecimal initialEquity,
            BigDecimal finalEquity, BigDecimal feesPaid) {
        double[] equity = curve.equities();
        long[] times = curve.times();
        double periods = ReturnStatistics.periodsPerYear(curve.interval());
        double[] returns = ReturnStatistics.returns(curve.startEquity(), equity);
        double totalReturn = finalEquity.divide(initialEquity, MathContext.DECIMAL64).doubleValue() - 1;
        long startMillis = curve.startTime().toEpochMilli();
        long endMillis = times.length == 0 ? startMillis : times[times.length - 1];
        double cagr = ReturnStatistics.cagr(initialEquity.doubleValue(), finalEquity.doubleValue(), startMillis,
                endMillis);
        ReturnStatistics.Drawdowns drawdowns = ReturnStatistics.Drawdowns.of(curve.startEquity(), startMillis,
                equity, times);
        int inMarket = 0;
        for (int i = 0; i < curve.size(); i++) {
            inMarket += curve.inMarket(i) ? 1 : 0;
        }
        TradeStatistics stats = TradeStatistics.of(trades);
        return new PerformanceMetrics(initialEquity, finalEquity, totalReturn, cagr, drawdowns.depth(),
                Duration.ofMillis(drawdowns.depthDurationMs()), Duration.ofMillis(drawdowns.longestMs()),
                ReturnStatistics.sharpe(returns, periods), ReturnStatistics.sortino(returns, periods),
                ReturnStatistics.ratio(cagr, drawdowns.depth()), trades.size(), stats.winRate(),
                stats.profitFactor(), stats.expectancy(), ReturnStatistics.ratio(inMarket, curve.size()), feesPaid);
    }

    /** Holding {@code symbol} over {@code candles} from the first close to the last. */
    public static BuyAndHold buyAndHold(Symbol symbol, CandleSeries candles) {
        int n = candles.size();
        if (n == 0) {
            throw new IllegalArgumentException("no candles for buy-and-hold of " + symbol);
        }
        long step = candles.interval().millis();
        double first = candles.close(0);
        double last = candles.close(n - 1);
        double[] closes = new double[n - 1];
        long[] times = new long[n - 1];
        for (int i = 1; i < n; i++) {
            closes[i - 1] = candles.close(i);
            times[i - 1] = candles.openTime(i) + step;
        }
        long start = candles.openTime(0) + step;
        double periods = ReturnStatistics.periodsPerYear(candles.interval());
        return new BuyAndHold(symbol, first, last, last / first - 1,
                ReturnStatistics.cagr(first, last, start, candles.openTime(n - 1) + step),
                ReturnStatistics.Drawdowns.of(first, start, closes, times).depth(),
                ReturnStatistics.sharpe(ReturnStatistics.returns(first, closes), periods));
    }

    /** Win rate, profit factor and expectancy of closed trades. */
    private record TradeStatistics(double winRate, double profitFactor, BigDecimal expectancy) {

        static TradeStatistics of(List<Trade> trades) {
            BigDecimal gains = BigDecimal.ZERO;
            BigDecimal losses = BigDecimal.ZERO;
            int wins = 0;
            for (Trade trade : trades) {
                if (trade.isWin()) {
                    wins++;
                    gains = gains.add(trade.pnl());
                } else {
                    losses = losses.add(trade.pnl().negate());
                }
            }
            BigDecimal total = gains.subtract(losses);
            BigDecimal expectancy = trades.isEmpty() ? BigDecimal.ZERO
                    : total.divide(BigDecimal.valueOf(trades.size()), MathContext.DECIMAL64);
            return new TradeStatistics(ReturnStatistics.ratio(wins, trades.size()),
                    ReturnStatistics.ratio(gains.doubleValue(), losses.doubleValue()), expectancy);
        }
    }
}
