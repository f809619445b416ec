package io.botcore.core.strategy;

import io.botcore.core.indicator.VolumeRatio;
import io.botcore.core.market.Candle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows heavy volume: when a candle's volume is at least {@code threshold} times its {@code period}-candle
 * average (itself included), buy if the candle closed above its open, sell if below, hold if equal; hold
 * otherwise and during warm-up. Confidence grows from 0.5 at the threshold to 1 at twice the threshold.
 * Parameters and defaults: {@code period=20 threshold=2.0}.
 *
 * <p>Not thread-safe; one instance per series.
 */
public final class VolumeSpikeStrategy implements Strategy {

    /** Name used in configuration and reasons. */
    public static final String NAME = "volume";

    private final VolumeRatio ratio;
    private final double threshold;

    /**
     * @param period    number of volumes averaged
     * @param threshold spike when volume / average is at least this, {@code > 0}
     */
    public VolumeSpikeStrategy(int period, double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0 but is " + threshold);
        }
        this.ratio = new VolumeRatio(period);
        this.threshold = threshold;
    }

    /** From {@code period} and {@code threshold}, with defaults 20 and 2.0. */
    public static VolumeSpikeStrategy from(StrategyParameters parameters) {
        return new VolumeSpikeStrategy(parameters.integer("period", 20), parameters.number("threshold", 2.0));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signal onCandle(Candle candle) {
        double value = ratio.update(candle.volume());
        if (!ratio.isReady() || value < threshold || candle.close() == candle.open()) {
            return Signal.hold(candle.openTime());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("volume", candle.volume());
        values.put("volume_average", ratio.average());
        values.put("volume_ratio", value);
        values.put("open", candle.open());
        values.put("close", candle.close());
        double confidence = 0.5 + 0.5 * Math.min(1, (value - threshold) / threshold);
        return candle.close() > candle.open()
                ? Signal.of(candle.openTime(), Side.BUY, confidence,
                        new Reason(NAME, "volume spike on a rising candle", values))
                : Signal.of(candle.openTime(), Side.SELL, confidence,
                        new Reason(NAME, "volume spike on a falling candle", values));
    }
}
