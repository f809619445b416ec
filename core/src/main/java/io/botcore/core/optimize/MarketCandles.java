package io.botcore.core.optimize;

import io.botcore.core.backtest.BacktestMarket;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.strategy.Strategy;
import java.util.Objects;

/**
 * One symbol of a search or walk-forward run: its exchange filters, the candles to trade, and the candles before
 * them that only warm up the strategy's indicators (no order is placed on them).
 *
 * <p>Immutable and thread-safe; many trials share one instance.
 *
 * @param rules   exchange filters of the symbol
 * @param warmUp  candles fed to a fresh strategy before trading starts, possibly empty, all before {@code candles}
 * @param candles candles traded, not empty
 */
public record MarketCandles(SymbolRules rules, CandleSeries warmUp, CandleSeries candles) {

    public MarketCandles {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(candles, "candles");
        if (candles.isEmpty()) {
            throw new IllegalArgumentException("no candles for " + rules.symbol());
        }
        if (!warmUp.isEmpty() && warmUp.lastOpenTime() >= candles.firstOpenTime()) {
            throw new IllegalArgumentException("warm-up candles of " + rules.symbol()
                    + " must end before the traded candles");
        }
    }

    /** The candles to trade, without warm-up. */
    public static MarketCandles of(SymbolRules rules, CandleSeries candles) {
        return new MarketCandles(rules, CandleSeries.empty(candles.interval()), candles);
    }

    /** A backtest market for {@code strategy}, after feeding it the warm-up candles and ignoring their signals. */
    public BacktestMarket warmedUp(Strategy strategy) {
        for (int i = 0; i < warmUp.size(); i++) {
            strategy.onCandle(warmUp.candle(i));
        }
        return new BacktestMarket(rules, candles, strategy);
    }
}
