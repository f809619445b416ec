package io.botcore.core.strategy;

import io.botcore.core.indicator.Rsi;
import io.botcore.core.market.Candle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mean reversion on the RSI of closes: buy while RSI is below {@code oversold}, sell while it is above
 * {@code overbought}, hold otherwise and during warm-up. Confidence grows from 0.5 at the threshold to 1 at
 * RSI 0 (buy) or 100 (sell). Parameters and defaults: {@code period=14 oversold=30 overbought=70}.
 *
 * <p>Not thread-safe; one instance per series.
 */
public final class RsiStrategy implements Strategy {

    /** Name used in configuration and reasons. */
    public static final String NAME = "rsi";

    private final double oversold;
    private final double overbought;
    private final Rsi rsi;
    /** The rules as they appear in reasons, built once rather than per signal. */
    private final String buyRule;
    private final String sellRule;

    /**
     * @param period     RSI period, {@code >= 1}
     * @param oversold   buy below this RSI, in (0, overbought)
     * @param overbought sell above this RSI, in (oversold, 100)
     */
    public RsiStrategy(int period, double oversold, double overbought) {
        if (!(oversold > 0 && oversold < overbought && overbought < 100)) {
            throw new IllegalArgumentException("need 0 < oversold < overbought < 100 but oversold is " + oversold
                    + " and overbought " + overbought);
        }
        this.rsi = new Rsi(period);
        this.oversold = oversold;
        this.overbought = overbought;
        this.buyRule = "rsi < oversold " + oversold;
        this.sellRule = "rsi > overbought " + overbought;
    }

    /** From {@code period}, {@code oversold}, {@code overbought}, with the defaults 14, 30, 70. */
    public static RsiStrategy from(StrategyParameters parameters) {
        return new RsiStrategy(parameters.integer("period", 14), parameters.number("oversold", 30),
                parameters.number("overbought", 70));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signal onCandle(Candle candle) {
        double value = rsi.update(candle.close());
        if (!rsi.isReady() || (value >= oversold && value <= overbought)) {
            return Signal.hold(candle.openTime());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rsi", value);
        values.put("close", candle.close());
        if (value < oversold) {
            return Signal.of(candle.openTime(), Side.BUY, 0.5 + 0.5 * (oversold - value) / oversold,
                    new Reason(NAME, buyRule, values));
        }
        if (value > overbought) {
            return Signal.of(candle.openTime(), Side.SELL, 0.5 + 0.5 * (value - overbought) / (100 - overbought),
                    new Reason(NAME, sellRule, values));
        }
        return Signal.hold(candle.openTime());
    }
}
