package io.botcore.core.strategy;

import io.botcore.core.indicator.BollingerBands;
import io.botcore.core.market.Candle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mean reversion on Bollinger bands of closes: buy when the close is below the lower band, sell when it is
 * above the upper band, hold otherwise and during warm-up. Confidence grows from 0.5 at the band to 1 at one
 * band width ({@code k} deviations) beyond it. Parameters and defaults: {@code period=20 k=2.0}.
 *
 * <p>Not thread-safe; one instance per series.
 */
public final class BollingerStrategy implements Strategy {

    /** Name used in configuration and reasons. */
    public static final String NAME = "bollinger";

    private final BollingerBands bands;

    /**
     * @param period number of closes
     * @param k      band width in population standard deviations, {@code > 0}
     */
    public BollingerStrategy(int period, double k) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("k must be > 0 but is " + k);
        }
        this.bands = new BollingerBands(period, k);
    }

    /** From {@code period} and {@code k}, with defaults 20 and 2.0. */
    public static BollingerStrategy from(StrategyParameters parameters) {
        return new BollingerStrategy(parameters.integer("period", 20), parameters.number("k", 2.0));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signal onCandle(Candle candle) {
        bands.update(candle.close());
        if (!bands.isReady()) {
            return Signal.hold(candle.openTime());
        }
        double close = candle.close();
        double middle = bands.middle();
        double upper = bands.upper();
        double lower = bands.lower();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("close", close);
        values.put("lower", lower);
        values.put("middle", middle);
        values.put("upper", upper);
        if (close < lower) {
            return Signal.of(candle.openTime(), Side.BUY, graded((lower - close) / (middle - lower)),
                    new Reason(NAME, "close < lower band", values));
        }
        if (close > upper) {
            return Signal.of(candle.openTime(), Side.SELL, graded((close - upper) / (upper - middle)),
                    new Reason(NAME, "close > upper band", values));
        }
        return Signal.hold(candle.openTime());
    }

    private static double graded(double bandWidthsBeyond) {
        return 0.5 + 0.5 * Math.min(1, bandWidthsBeyond);
    }
}
