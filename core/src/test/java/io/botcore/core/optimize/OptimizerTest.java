package io.botcore.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.backtest.BacktestResult;
import io.botcore.core.backtest.Backtester;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.strategy.RsiStrategy;
import io.botcore.core.testdata.RecordedData;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static final SymbolRules BTCUSDT = SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5");
    private static final ParameterGrid GRID = ParameterGrid.parse("period=7..28:7,oversold=20..35:5");

    private static CandleSeries quarter;

    @BeforeAll
    static void load() throws IOException {
        quarter = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1H), Interval.H1).between(
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("2024-04-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldBacktestEveryCandidateExactlyAsTheBacktesterDoesAndRankThem() {
        AtomicInteger reported = new AtomicInteger();

        OptimizationResult result = new Optimizer(BacktestConfig.defaults(), 2).search("rsi", GRID.all(),
                List.of(MarketCandles.of(BTCUSDT, quarter)), Metric.SHARPE, (done, total) -> reported.incrementAndGet());

        assertThat(result.trialCount()).isEqualTo(16);
        assertThat(reported.get()).isEqualTo(16);
        for (int i = 0; i < 16; i++) {
            assertThat(result.trials().get(i).index()).isEqualTo(i);
            assertThat(result.trials().get(i).parameters()).isEqualTo(GRID.combination(i));
        }
        Trial t = result.trials().get(6);
        BacktestResult direct = new Backtester(BacktestConfig.defaults()).run(new RsiStrategy(14, 30, 70), BTCUSDT,
                quarter);
        assertThat(t.parameters()).containsEntry("period", "14").containsEntry("oversold", "30");
        assertThat(t.metrics()).isEqualTo(direct.metrics());
        assertThat(t.value()).isEqualTo(direct.metrics().sharpe());
        assertThat(t.returns().sharpe() * Math.sqrt(8760)).isCloseTo(direct.metrics().sharpe(),
                org.assertj.core.api.Assertions.within(1e-9));
        List<Trial> ranked = result.ranked();
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(Metric.SHARPE.compareBestFirst(ranked.get(i - 1).value(), ranked.get(i).value()))
                    .isLessThanOrEqualTo(0);
        }
        assertThat(result.best()).isEqualTo(ranked.get(0));
    }

    @Test
    void shouldGiveTheSameResultWithOneThreadAsWithTwo() {
        List<MarketCandles> markets = List.of(MarketCandles.of(BTCUSDT, quarter));
        List<Map<String, String>> sample = GRID.sample(6, 1);

        OptimizationResult one = new Optimizer(BacktestConfig.defaults(), 1).search("rsi", sample, markets,
                Metric.TOTAL_RETURN, Optimizer.Progress.NONE);
        OptimizationResult two = new Optimizer(BacktestConfig.defaults(), 2).search("rsi", sample, markets,
                Metric.TOTAL_RETURN, Optimizer.Progress.NONE);

        assertThat(two).isEqualTo(one);
    }

    @Test
    void shouldRefuseUnknownParametersAndInvalidCandidatesBeforeRunning() {
        assertThatThrownBy(() -> Optimizer.validate("rsi", ParameterGrid.parse("colour=1..2").all()))
                .hasMessageContaining("unknown parameter(s) [colour]");
        assertThatThrownBy(() -> Optimizer.validate("rsi", ParameterGrid.parse("oversold=60..80:10").all()))
                .hasMessageContaining("parameters {oversold=70}: need 0 < oversold < overbought < 100");
        assertThatThrownBy(() -> Optimizer.validate("moon", GRID.all()))
                .hasMessageStartingWith("unknown strategy 'moon'");
    }

    @Test
    void shouldRankNotANumberLastAndShallowDrawdownsFirst() {
        assertThat(Metric.SHARPE.compareBestFirst(1, Double.NaN)).isNegative();
        assertThat(Metric.SHARPE.compareBestFirst(Double.NaN, -5)).isPositive();
        assertThat(Metric.SHARPE.compareBestFirst(2, 1)).isNegative();
        assertThat(Metric.MAX_DRAWDOWN.compareBestFirst(0.1, 0.2)).isNegative();
        assertThat(Metric.fromCode("total-return")).isEqualTo(Metric.TOTAL_RETURN);
        assertThatThrownBy(() -> Metric.fromCode("luck")).hasMessageContaining("unknown metric 'luck'; known: sharpe");
    }
}
