package io.botcore.ai.evaluation;

import java.util.Arrays;
import java.util.Locale;

/**
 * The outcome of trading one long/flat position rule over a range of bars, as a growth factor of the starting
 * capital (1.0 = unchanged).
 *
 * <p>Immutable and thread-safe: the accessors copy.
 *
 * @param name        what was traded, for example {@code "xgboost"} or {@code "buy_and_hold"}
 * @param openTimes   open time of each bar of the range, UTC epoch milliseconds
 * @param equity      capital at each bar's close (marked to market), the first bar's being 1.0
 * @param totalReturn final capital minus 1, fees included
 * @param grossReturn what {@code totalReturn} would have been without fees, the same trades made
 * @param maxDrawdown largest fall from a running peak of {@code equity}, as a fraction of the peak
 * @param trades      round trips (entries)
 * @param exposure    share of the range's bars whose close found the position long
 * @param fees        fee per side that was charged, as a fraction of the traded value
 */
public record TradingResult(String name, long[] openTimes, double[] equity, double totalReturn,
        double grossReturn, double maxDrawdown, int trades, double exposure, double fees) {

    public TradingResult {
        openTimes = openTimes.clone();
        equity = equity.clone();
        if (openTimes.length != equity.length) {
            throw new IllegalArgumentException(openTimes.length + " times but " + equity.length + " equity values");
        }
    }

    @Override
    public long[] openTimes() {
        return openTimes.clone();
    }

    @Override
    public double[] equity() {
        return equity.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TradingResult that && name.equals(that.name)
                && Arrays.equals(openTimes, that.openTimes) && Arrays.equals(equity, that.equity)
                && trades == that.trades && Double.compare(fees, that.fees) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(equity);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TradingResult[%s: return %.4f (%.4f without fees), max"
                + " drawdown %.4f, %d trades, exposure %.3f]", name, totalReturn, grossReturn, maxDrawdown, trades,
                exposure);
    }
}
