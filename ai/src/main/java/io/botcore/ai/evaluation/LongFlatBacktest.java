package io.botcore.ai.evaluation;

import io.botcore.core.market.CandleSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * Trades a long-or-flat position over bars [{@code from}, {@code to}) of a series, all in or all out.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>The decision {@code long[t]} is taken at the close of bar {@code t} and filled at the open of bar
 *       {@code t + 1}; nothing is filled at bar {@code from}'s open, so the position starts flat. The decision
 *       of bar {@code to - 1} is not used.</li>
 *   <li>An entry spends the whole capital: {@code units = capital * (1 - fee) / open}. An exit sells every unit:
 *       {@code capital = units * open * (1 - fee)}. A position still open at the end is sold at the close of
 *       bar {@code to - 1}, with the fee.</li>
 *   <li>Equity at each close is {@code units * close} when long, the capital when flat.</li>
 * </ul>
 * With {@code long[t]} true for every bar this is buy-and-hold: bought at the open of bar {@code from + 1},
 * sold at the close of bar {@code to - 1}, one fee each way.
 *
 * <h2>Accounting</h2>
 * The capital is a dimensionless growth factor (start 1.0), in {@code double}: the positions are fractional,
 * with no lot or tick sizes, so the only rounding is binary floating point, about 1e-16 relative per
 * operation, under 1e-11 after 10^4 trades, far below the four decimals reported. Money that reaches a ledger
 * or an exchange goes through the engine's {@code BigDecimal} path instead; this is a research measurement.
 *
 * <p>Stateless and thread-safe.
 */
public final class LongFlatBacktest {

    private LongFlatBacktest() {
    }

    /**
     * Runs the rule.
     *
     * @param name       label of the result
     * @param candles    the series
     * @param from       first bar of the range
     * @param to         end of the range (exclusive), {@code > from}
     * @param wantLong   decision at the close of each bar of the range: {@code wantLong[t - from]}
     * @param feePerSide fraction of the traded value paid on each entry and exit, in [0, 1)
     */
    public static TradingResult run(String name, CandleSeries candles, int from, int to, boolean[] wantLong,
            double feePerSide) {
        Objects.requireNonNull(name, "name");
        Objects.checkFromToIndex(from, to, candles.size());
        if (to - from < 1) {
            throw new IllegalArgumentException("the range [" + from + ", " + to + ") is empty");
        }
        if (wantLong.length != to - from) {
            throw new IllegalArgumentException(wantLong.length + " decisions for " + (to - from) + " bars");
        }
        if (!(feePerSide >= 0 && feePerSide < 1)) {
            throw new IllegalArgumentException("feePerSide must be in [0, 1) but is " + feePerSide);
        }
        double keep = 1 - feePerSide;
        double capital = 1.0;
        double units = 0;
        double grossCapital = 1.0;
        double grossUnits = 0;
        boolean isLong = false;
        int trades = 0;
        int barsLong = 0;
        double peak = 1.0;
        double maxDrawdown = 0;
        long[] times = new long[to - from];
        double[] equity = new double[to - from];
        for (int t = from; t < to; t++) {
            if (t > from) {
                boolean want = wantLong[t - 1 - from];
                if (want && !isLong) {
                    units = capital * keep / candles.open(t);
                    grossUnits = grossCapital / candles.open(t);
                    isLong = true;
                    trades++;
                } else if (!want && isLong) {
                    capital = units * candles.open(t) * keep;
                    grossCapital = grossUnits * candles.open(t);
                    units = 0;
                    isLong = false;
                }
            }
            if (isLong) {
                barsLong++;
            }
            double value;
            if (isLong && t == to - 1) {
                capital = units * candles.close(t) * keep;
                grossCapital = grossUnits * candles.close(t);
                units = 0;
                isLong = false;
                value = capital;
            } else {
                value = isLong ? units * candles.close(t) : capital;
            }
            times[t - from] = candles.openTime(t);
            equity[t - from] = value;
            peak = Math.max(peak, value);
            maxDrawdown = Math.max(maxDrawdown, 1 - value / peak);
        }
        return new TradingResult(name, times, equity, capital - 1, grossCapital - 1, maxDrawdown, trades,
                (double) barsLong / (to - from), feePerSide);
    }

    /** Buy-and-hold over the same range and fills: every decision long. */
    public static TradingResult buyAndHold(CandleSeries candles, int from, int to, double feePerSide) {
        boolean[] always = new boolean[to - from];
        Arrays.fill(always, true);
        return run("buy_and_hold", candles, from, to, always, feePerSide);
    }
}
