package io.botcore.bench;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.indicator.Ema;
import io.botcore.core.indicator.Macd;
import io.botcore.core.indicator.Rsi;
import io.botcore.core.indicator.Sma;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

/**
 * One full pass of an indicator over the real candles: ours (batch form over a double[]) and ta4j's with its
 * fastest number type ({@link DoubleNum}), on the same data in the same run. One operation = all candles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class IndicatorBenchmark {

    @Param({"sma", "ema", "rsi", "macd"})
    public String indicator;

    private double[] closes;
    private BarSeries ta4jSeries;

    @Setup(Level.Trial)
    public void load() {
        CandleSeries candles = BenchData.minuteCandles();
        closes = candles.closes();
        ta4jSeries = BenchData.ta4jSeries(candles);
    }

    @Benchmark
    public double botCore() {
        return switch (indicator) {
            case "sma" -> last(Sma.compute(closes, 20));
            case "ema" -> last(Ema.compute(closes, 20));
            case "rsi" -> last(Rsi.compute(closes, 14));
            default -> last(Macd.compute(closes, 12, 26, 9).histogram());
        };
    }

    @Benchmark
    public double ta4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta4jSeries);
        Indicator<Num> target = switch (indicator) {
            case "sma" -> new SMAIndicator(close, 20);
            case "ema" -> new EMAIndicator(close, 20);
            case "rsi" -> new RSIIndicator(close, 14);
            default -> new MACDIndicator(close, 12, 26);
        };
        double sum = 0;
        for (int i = ta4jSeries.getBeginIndex(); i <= ta4jSeries.getEndIndex(); i++) {
            sum += target.getValue(i).doubleValue();
        }
        return sum;
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }
}
