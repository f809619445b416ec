package io.botcore.core.strategy;

import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns candles into signals, one closed candle at a time, seeing only that candle and those before it.
 * Backtest, paper and live trading feed the same implementation the same way.
 *
 * <p>Implementations keep indicator state: use one instance per series, from one thread at a time.
 */
public interface Strategy {

    /** Name of the strategy, as used on the command line and in {@link Reason#strategy()}. */
    String name();

    /** The signal at the close of {@code candle}, the next candle of the series. */
    Signal onCandle(Candle candle);

    /** Feeds every candle of {@code candles} in order; one signal per candle. */
    default List<Signal> run(CandleSeries candles) {
        List<Signal> signals = new ArrayList<>(candles.size());
        for (int i = 0; i < candles.size(); i++) {
            signals.add(onCandle(candles.candle(i)));
        }
        return signals;
    }
}
