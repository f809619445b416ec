package io.botcore.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.PositionSide;
import io.botcore.core.execution.Symbol;
import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.trading.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PerformanceCalculatorTest {

    private static final Offset<Double> CLOSE = offset(1e-9);
    private static final long DAY = 86_400_000L;
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** Daily equity 100 at the start, then 110, 99, 121, 110 at the closes of days 0..3. */
    private static EquityCurve curve() {
        EquityCurve.Builder builder = new EquityCurve.Builder(Interval.D1, T0.toEpochMilli(), 100);
        double[] equity = {110, 99, 121, 110};
        boolean[] inMarket = {true, true, false, false};
        for (int i = 0; i < equity.length; i++) {
            builder.add(T0.toEpochMilli() + (i + 1) * DAY, equity[i], inMarket[i]);
        }
        return builder.build();
    }

    private static Trade trade(String pnl) {
        return new Trade(BTC, PositionSide.LONG, T0, BigDecimal.ONE, T0, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ZERO, new BigDecimal(pnl), ExitReason.SIGNAL, List.of());
    }

    private static PerformanceMetrics metrics() {
        return PerformanceCalculator.measure(curve(), List.of(trade("10"), trade("-5"), trade("20"), trade("-5")),
                new BigDecimal("100"), new BigDecimal("110"), new BigDecimal("0.4"));
    }

    @Test
    void annualisesSharpeAndSortinoFromPerCandleReturns() {
        // returns 0.1, -0.1, 0.2222.., -0.0909..; mean 0.0328282828; sample stdev 0.1563504549
        // Sharpe 0.0328282828 / 0.1563504549 * sqrt(365) = 4.0113951903
        // downside deviation sqrt((0.1^2 + 0.0909..^2) / 4) = 0.0675630479; Sortino 0.0328.. / 0.06756.. * sqrt(365)
        PerformanceMetrics metrics = metrics();

        assertThat(metrics.sharpe()).isCloseTo(4.011395190299982, CLOSE);
        assertThat(metrics.sortino()).isCloseTo(9.281563549948677, CLOSE);
    }

    @Test
    void measuresReturnCagrAndCalmarOverYearsOf365Days() {
        // 110 / 100 over 4 days: (1.1)^(365 / 4) - 1 = 5984.2531; Calmar 5984.2531 / 0.1
        PerformanceMetrics metrics = metrics();

        assertThat(metrics.totalReturn()).isCloseTo(0.1, CLOSE);
        assertThat(metrics.cagr()).isCloseTo(5984.253105929955, offset(1e-6));
        assertThat(metrics.calmar()).isCloseTo(59842.53105929955, offset(1e-5));
    }

    @Test
    void findsTheDeepestDrawdownAndHowLongItLasted() {
        // 110 -> 99 is 10 % (deeper than 121 -> 110, 9.1 %); 110 at day 1 is regained at day 3: 2 days
        // below a peak: days 1..3 (2 days) and days 3..4, unrecovered at the end (1 day)
        PerformanceMetrics metrics = metrics();

        assertThat(metrics.maxDrawdown()).isCloseTo(0.1, CLOSE);
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
        assertThat(metrics.longestDrawdown()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void summarisesTheTrades() {
        // pnl 10, -5, 20, -5: wins 2 of 4; profit factor 30 / 10; expectancy 20 / 4
        PerformanceMetrics metrics = metrics();

        assertThat(metrics.trades()).isEqualTo(4);
        assertThat(metrics.winRate()).isEqualTo(0.5);
        assertThat(metrics.profitFactor()).isEqualTo(3.0);
        assertThat(metrics.expectancy()).isEqualByComparingTo("5");
        assertThat(metrics.exposure()).isEqualTo(0.5);
        assertThat(metrics.feesPaid()).isEqualByComparingTo("0.4");
    }

    @Test
    void undefinedRatiosAreNaNOrInfinityNeverAnException() {
        PerformanceMetrics noTrades = PerformanceCalculator.measure(curve(), List.of(), new BigDecimal("100"),
                new BigDecimal("110"), BigDecimal.ZERO);
        PerformanceMetrics onlyWins = PerformanceCalculator.measure(curve(), List.of(trade("1")),
                new BigDecimal("100"), new BigDecimal("110"), BigDecimal.ZERO);

        assertThat(noTrades.winRate()).isNaN();
        assertThat(noTrades.profitFactor()).isNaN();
        assertThat(noTrades.expectancy()).isEqualByComparingTo("0");
        assertThat(onlyWins.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void buyAndHoldRunsFromTheFirstCloseToTheLastClose() {
        long t = T0.toEpochMilli();
        CandleSeries candles = CandleSeries.of(Interval.D1, List.of(new Candle(t, 90, 101, 89, 100, 1),
                new Candle(t + DAY, 100, 100, 50, 50, 1), new Candle(t + 2 * DAY, 50, 150, 50, 150, 1)));

        BuyAndHold benchmark = PerformanceCalculator.buyAndHold(BTC, candles);

        // 150 / 100 - 1 = 0.5 over the 2 days from the first close; drawdown 100 -> 50
        assertThat(benchmark.totalReturn()).isEqualTo(0.5);
        assertThat(benchmark.maxDrawdown()).isEqualTo(0.5);
        assertThat(benchmark.cagr()).isCloseTo(Math.pow(1.5, 365 / 2.0) - 1, offset(1e-3));
        assertThat(benchmark.firstClose()).isEqualTo(100);
        assertThat(benchmark.lastClose()).isEqualTo(150);
    }
}
