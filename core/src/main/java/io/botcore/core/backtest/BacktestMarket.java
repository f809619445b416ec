package io.botcore.core.backtest;

import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.strategy.Strategy;
import java.util.Objects;

/**
 * One symbol of a backtest: its exchange filters, its candles and the strategy that trades it.
 *
 * <p>Immutable; the strategy it holds keeps state, so a market is used by one backtest only.
 *
 * @param rules    exchange filters of the symbol
 * @param candles  its candles, not empty
 * @param strategy a fresh strategy instance for it
 */
public record BacktestMarket(SymbolRules rules, CandleSeries candles, Strategy strategy) {

    public BacktestMarket {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(candles, "candles");
        Objects.requireNonNull(strategy, "strategy");
        if (candles.isEmpty()) {
            throw new IllegalArgumentException("no candles for " + rules.symbol());
        }
    }
}
