package io.botcore.core.backtest;

import io.botcore.core.execution.Symbol;
import java.util.Objects;

/**
 * The benchmark beside a backtest: holding the symbol from the first candle's close to the last candle's close,
 * without fees or costs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol      instrument
 * @param firstClose  close of the first candle, quote asset
 * @param lastClose   close of the last candle, quote asset
 * @param totalReturn {@code lastClose / firstClose - 1}
 * @param cagr        compound annual growth rate over the same span
 * @param maxDrawdown deepest fall of the close from a previous peak, as a fraction of that peak
 * @param sharpe      annualised Sharpe ratio of per-candle close-to-close returns
 */
public record BuyAndHold(Symbol symbol, double firstClose, double lastClose, double totalReturn, double cagr,
        double maxDrawdown, double sharpe) {

    public BuyAndHold {
        Objects.requireNonNull(symbol, "symbol");
    }
}
