package io.botcore.core.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How a backtest performed. Fractions are plain ({@code 0.12} is 12 %); money is in the quote asset. How each
 * value is computed is described in {@link PerformanceCalculator}. A ratio whose denominator is zero is
 * {@code +/-Infinity} when its numerator is positive/negative and {@code NaN} when both are zero.
 *
 * <p>Immutable and thread-safe.
 *
 * @param initialEquity       cash at the start
 * @param finalEquity         equity at the end, after closing every position
 * @param totalReturn         {@code finalEquity / initialEquity - 1}
 * @param cagr                compound annual growth rate
 * @param maxDrawdown         deepest fall of equity from a previous peak, as a fraction of that peak
 * @param maxDrawdownDuration from the peak before the deepest fall until equity regained it (or the end)
 * @param longestDrawdown     longest time equity spent below a previous peak
 * @param sharpe              annualised Sharpe ratio of per-candle returns
 * @param sortino             annualised Sortino ratio of per-candle returns
 * @param calmar              {@code cagr / maxDrawdown}
 * @param trades              closed trades
 * @param winRate             share of trades with a positive PnL after fees
 * @param profitFactor        gross profit of winners over gross loss of losers
 * @param expectancy          mean PnL per trade (zero without trades)
 * @param exposure            share of candles that closed with a position open
 * @param feesPaid            fees of every fill
 */
public record PerformanceMetrics(BigDecimal initialEquity, BigDecimal finalEquity, double totalReturn, double cagr,
        double maxDrawdown, Duration maxDrawdownDuration, Duration longestDrawdown, double sharpe, double sortino,
        double calmar, int trades, double winRate, double profitFactor, BigDecimal expectancy, double exposure,
        BigDecimal feesPaid) {

    public PerformanceMetrics {
        Objects.requireNonNull(initialEquity, "initialEquity");
        Objects.requireNonNull(finalEquity, "finalEquity");
        Objects.requireNonNull(maxDrawdownDuration, "maxDrawdownDuration");
        Objects.requireNonNull(longestDrawdown, "longestDrawdown");
        Objects.requireNonNull(expectancy, "expectancy");
        Objects.requireNonNull(feesPaid, "feesPaid");
    }
}
