package io.botcore.bench;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.backtest.Backtester;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * A full backtest of the RSI(14, 30/70) strategy over the real candles: ours (signals, risk policy, fill
 * model with fees, spread and slippage, BigDecimal ledger, metrics) and ta4j's {@link BarSeriesManager} with
 * the equivalent rules and a 0.1 % linear cost model, on the same data in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class BacktestBenchmark {

    private static final SymbolRules BTCUSDT = SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5");

    private CandleSeries candles;
    private BarSeries ta4jSeries;

    @Setup(Level.Trial)
    public void load() {
        candles = BenchData.minuteCandles();
        ta4jSeries = BenchData.ta4jSeries(candles);
    }

    @Benchmark
    public Object botCore() {
        return new Backtester(BacktestConfig.defaults())
                .run(StrategyCatalog.create("rsi", StrategyParameters.none()), BTCUSDT, candles).metrics();
    }

    @Benchmark
    public TradingRecord ta4j() {
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(ta4jSeries), 14);
        BaseStrategy strategy = new BaseStrategy(new CrossedDownIndicatorRule(rsi, 30), new CrossedUpIndicatorRule(rsi, 70));
        return new BarSeriesManager(ta4jSeries, new LinearTransactionCostModel(0.001), new ZeroCostModel()).run(strategy);
    }
}
