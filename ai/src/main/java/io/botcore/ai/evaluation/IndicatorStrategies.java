package io.botcore.ai.evaluation;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.strategy.BollingerStrategy;
import io.botcore.core.strategy.MacdStrategy;
import io.botcore.core.strategy.RsiStrategy;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;
import io.botcore.core.strategy.VolumeSpikeStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The core's single-indicator strategies (RSI, MACD, Bollinger, volume spike, each with its default
 * parameters) as long/flat baselines: long from a BUY signal until a SELL signal, flat otherwise. Each strategy
 * is fed every candle from the start of the series, so it is warmed up when the range begins, and sees only
 * candles up to the one it signals on.
 *
 * <p>Stateless and thread-safe.
 */
public final class IndicatorStrategies {

    /** Names of the strategies, as in {@link StrategyCatalog}. */
    public static final List<String> NAMES = List.of(RsiStrategy.NAME, MacdStrategy.NAME, BollingerStrategy.NAME,
            VolumeSpikeStrategy.NAME);

    private IndicatorStrategies() {
    }

    /** The result of each strategy over bars [{@code from}, {@code to}), with {@link LongFlatBacktest}'s fills. */
    public static List<TradingResult> run(CandleSeries candles, int from, int to, double feePerSide) {
        List<TradingResult> results = new ArrayList<>();
        for (String name : NAMES) {
            Strategy strategy = StrategyCatalog.create(name, StrategyParameters.none());
            results.add(LongFlatBacktest.run(name, candles, from, to, positions(strategy, candles, from, to),
                    feePerSide));
        }
        return results;
    }

    /** Whether {@code strategy} wants to be long at the close of each bar of [{@code from}, {@code to}). */
    static boolean[] positions(Strategy strategy, CandleSeries candles, int from, int to) {
        boolean[] wantLong = new boolean[to - from];
        boolean isLong = false;
        for (int t = 0; t < to; t++) {
            Side side = strategy.onCandle(candles.candle(t)).side();
            if (side == Side.BUY) {
                isLong = true;
            } else if (side == Side.SELL) {
                isLong = false;
            }
            if (t >= from) {
                wantLong[t - from] = isLong;
            }
        }
        return wantLong;
    }
}
