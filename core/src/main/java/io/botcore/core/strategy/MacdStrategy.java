package io.botcore.core.strategy;

import io.botcore.core.indicator.Macd;
import io.botcore.core.market.Candle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trend following on MACD crossovers: buy on the candle where the MACD line crosses above its signal line
 * (histogram from {@code <= 0} to {@code > 0}), sell where it crosses below (from {@code >= 0} to {@code < 0}),
 * hold otherwise and during warm-up. A crossover is a yes/no event, so its confidence is the fixed
 * {@code confidence} parameter. Parameters and defaults: {@code fast=12 slow=26 signal=9 confidence=0.6}.
 *
 * <p>Not thread-safe; one instance per series.
 */
public final class MacdStrategy implements Strategy {

    /** Name used in configuration and reasons. */
    public static final String NAME = "macd";

    private final Macd macd;
    private final double confidence;
    private double previousHistogram = Double.NaN;

    /**
     * @param fast       fast EMA period
     * @param slow       slow EMA period, greater than {@code fast}
     * @param signal     signal EMA period
     * @param confidence confidence of a crossover signal, in (0, 1]
     */
    public MacdStrategy(int fast, int slow, int signal, double confidence) {
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1] but is " + confidence);
        }
        this.macd = new Macd(fast, slow, signal);
        this.confidence = confidence;
    }

    /** From {@code fast}, {@code slow}, {@code signal}, {@code confidence}, with defaults 12, 26, 9, 0.6. */
    public static MacdStrategy from(StrategyParameters parameters) {
        return new MacdStrategy(parameters.integer("fast", 12), parameters.integer("slow", 26),
                parameters.integer("signal", 9), parameters.number("confidence", 0.6));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signal onCandle(Candle candle) {
        macd.update(candle.close());
        double previous = previousHistogram;
        double histogram = macd.histogram();
        previousHistogram = histogram;
        if (Double.isNaN(previous) || Double.isNaN(histogram)) {
            return Signal.hold(candle.openTime());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("macd", macd.line());
        values.put("signal", macd.signal());
        values.put("histogram", histogram);
        values.put("previous_histogram", previous);
        if (previous <= 0 && histogram > 0) {
            return Signal.of(candle.openTime(), Side.BUY, confidence,
                    new Reason(NAME, "macd crossed above signal", values));
        }
        if (previous >= 0 && histogram < 0) {
            return Signal.of(candle.openTime(), Side.SELL, confidence,
                    new Reason(NAME, "macd crossed below signal", values));
        }
        return Signal.hold(candle.openTime());
    }
}
