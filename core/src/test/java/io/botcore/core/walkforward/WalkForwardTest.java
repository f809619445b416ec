package io.botcore.core.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.backtest.EquityCurve;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.optimize.MarketCandles;
import io.botcore.core.optimize.Metric;
import io.botcore.core.optimize.OptimizationResult;
import io.botcore.core.optimize.Optimizer;
import io.botcore.core.optimize.ParameterGrid;
import io.botcore.core.strategy.RsiStrategy;
import io.botcore.core.strategy.Signal;
import io.botcore.core.testdata.RecordedData;
import io.botcore.core.trading.Trade;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A walk-forward on real BTCUSDT hourly candles of 2023: 90 days of training, 30 days of test. */
class WalkForwardTest {

    private static final SymbolRules BTCUSDT = SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5");
    private static final List<Map<String, String>> GRID = ParameterGrid.parse("period=7|14,oversold=25|30").all();
    private static final long DAY = 86_400_000L;

    private static CandleSeries year;
    private static WalkForwardResult result;

    @BeforeAll
    static void walk() throws IOException {
        year = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1H), Interval.H1).between(
                Instant.parse("2023-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
        result = new WalkForward(BacktestConfig.defaults(), 2, 1).run("rsi", GRID,
                List.of(MarketCandles.of(BTCUSDT, year)), Metric.SHARPE,
                new WalkForwardPlan(Duration.ofDays(90), Duration.ofDays(30)), (done, total) -> { });
    }

    @Test
    void shouldNeverLetTrainingAndTestOverlapAndKeepTestWindowsContiguous() {
        List<WindowResult> windows = result.windows();
        assertThat(windows).hasSize(9);
        long start = year.firstOpenTime();
        for (int k = 0; k < windows.size(); k++) {
            WalkForwardWindow w = windows.get(k).window();
            assertThat(w.trainFrom()).isEqualTo(start + k * 30 * DAY);
            assertThat(w.trainTo() - w.trainFrom()).isEqualTo(90 * DAY);
            assertThat(w.testTo() - w.testFrom()).isEqualTo(30 * DAY);
            CandleSeries train = year.between(w.trainFrom(), w.trainTo());
            CandleSeries test = year.between(w.testFrom(), w.testTo());
            assertThat(train.lastOpenTime()).isLessThan(test.firstOpenTime());
            EquityCurve oos = windows.get(k).outOfSample().equityCurve();
            assertThat(oos.startTime().toEpochMilli()).isEqualTo(test.firstOpenTime());
            assertThat(oos.size()).isEqualTo(test.size());
            for (Trade trade : windows.get(k).outOfSample().trades()) {
                assertThat(trade.entryTime().toEpochMilli()).isGreaterThanOrEqualTo(w.testFrom()).isLessThan(w.testTo());
            }
            if (k > 0) {
                WalkForwardWindow previous = windows.get(k - 1).window();
                assertThat(w.testFrom()).isEqualTo(previous.testTo());
                assertThat(windows.get(k).outOfSample().metrics().initialEquity())
                        .isEqualTo(windows.get(k - 1).outOfSample().metrics().finalEquity());
            }
        }
        long firstTest = windows.get(0).window().testFrom();
        long lastTest = windows.get(windows.size() - 1).window().testTo();
        assertThat(result.equity().size()).isEqualTo(year.between(firstTest, lastTest).size());
        long[] times = result.equity().times();
        for (int i = 1; i < times.length; i++) {
            assertThat(times[i]).isGreaterThan(times[i - 1]);
        }
    }

    @Test
    void shouldChooseTheBestTrainingTrialAndStitchTheOutOfSampleRun() {
        WindowResult third = result.windows().get(2);
        OptimizationResult alone = new Optimizer(BacktestConfig.defaults(), 1).search("rsi", GRID,
                List.of(MarketCandles.of(BTCUSDT, year.between(third.window().trainFrom(), third.window().trainTo()))),
                Metric.SHARPE, Optimizer.Progress.NONE);

        assertThat(third.inSample()).isEqualTo(alone.best());
        assertThat(result.trials()).isEqualTo(9 * 4);
        assertThat(result.deflatedSharpe().trials()).isEqualTo(36);
        assertThat(result.trades()).hasSize(result.windows().stream().mapToInt(w -> w.outOfSample().trades().size()).sum());
        assertThat(result.outOfSample().finalEquity())
                .isEqualTo(result.windows().get(8).outOfSample().metrics().finalEquity());
        double compounded = 1;
        for (WindowResult w : result.windows()) {
            compounded *= 1 + w.outOfSample().metrics().totalReturn();
        }
        assertThat(result.outOfSample().totalReturn()).isCloseTo(compounded - 1, within(1e-12));
        assertThat(result.monteCarlo().runs()).isEqualTo(1000);
        assertThat(result.monteCarlo().trades()).isEqualTo(result.trades().size());
        assertThat(result.monteCarlo().p5()).isLessThanOrEqualTo(result.monteCarlo().p50());
        assertThat(result.monteCarlo().p95()).isLessThanOrEqualTo(result.monteCarlo().worst());
    }

    @Test
    void shouldWarmTheStrategyUpOnTheTrainingCandlesAsIfItHadRunThroughThem() {
        WalkForwardWindow w = result.windows().get(0).window();
        CandleSeries train = year.between(w.trainFrom(), w.trainTo());
        CandleSeries test = year.between(w.testFrom(), w.testTo());
        RsiStrategy warmed = new RsiStrategy(14, 30, 70);
        new MarketCandles(BTCUSDT, train, test).warmedUp(warmed);
        List<Signal> throughBoth = new RsiStrategy(14, 30, 70).run(year.between(w.trainFrom(), w.testTo()));

        List<Signal> afterWarmUp = warmed.run(test);

        assertThat(afterWarmUp).isEqualTo(throughBoth.subList(train.size(), throughBoth.size()));
    }

    @Test
    void shouldRepeatItselfExactly() {
        WalkForwardResult again = new WalkForward(BacktestConfig.defaults(), 1, 1).run("rsi", GRID,
                List.of(MarketCandles.of(BTCUSDT, year)), Metric.SHARPE,
                new WalkForwardPlan(Duration.ofDays(90), Duration.ofDays(30)), (done, total) -> { });

        assertThat(again).isEqualTo(result);
    }

    @Test
    void shouldRefuseAPlanLongerThanTheData() {
        assertThatThrownBy(() -> new WalkForwardPlan(Duration.ofDays(300), Duration.ofDays(90))
                .windows(year.firstOpenTime(), year.lastOpenTime() + 3_600_000L))
                .hasMessageContaining("less than one training window (300 days) plus one test window (90 days)");
    }
}
