package io.botcore.core.walkforward;

import java.util.Arrays;
import java.util.Random;

/**
 * How deep the drawdown of a set of trades could have been in another order: the trades' returns are reshuffled
 * {@code runs} times (Fisher-Yates with {@link Random} seeded by {@code seed}, a specified sequence, so the same
 * seed gives the same distribution everywhere), each order compounded from 1, and the maximum drawdown of each
 * path measured at the trade ends (drawdown inside a trade is not seen here).
 *
 * <p>Percentiles interpolate linearly between the sorted drawdowns (the usual "type 7": the p-th percentile of
 * {@code n} values sits at rank {@code (n - 1) * p}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param runs     reshuffles
 * @param seed     seed of the reshuffles
 * @param trades   trades per path
 * @param observed maximum drawdown of the trades in their real order
 * @param p5       5th percentile of the reshuffled maximum drawdowns
 * @param p50      median
 * @param p95      95th percentile
 * @param p99      99th percentile
 * @param worst    the deepest of them
 */
public record MonteCarloDrawdowns(int runs, long seed, int trades, double observed, double p5, double p50,
        double p95, double p99, double worst) {

    /**
     * Reshuffles {@code tradeReturns} (each a fraction of equity, {@code > -1}).
     *
     * @throws IllegalArgumentException if {@code runs < 1} or a return loses everything or more
     */
    public static MonteCarloDrawdowns of(double[] tradeReturns, int runs, long seed) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1 but is " + runs);
        }
        for (double r : tradeReturns) {
            if (!(r > -1) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("a trade return must be finite and > -1 but is " + r);
            }
        }
        double[] order = tradeReturns.clone();
        double[] drawdowns = new double[runs];
        Random random = new Random(seed);
        for (int run = 0; run < runs; run++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            drawdowns[run] = maxDrawdown(order);
        }
        Arrays.sort(drawdowns);
        return new MonteCarloDrawdowns(runs, seed, tradeReturns.length, maxDrawdown(tradeReturns),
                percentile(drawdowns, 0.05), percentile(drawdowns, 0.50), percentile(drawdowns, 0.95),
                percentile(drawdowns, 0.99), drawdowns[runs - 1]);
    }

    /** Largest {@code 1 - value / peak} of the path compounded from 1 (the start counts as a peak). */
    static double maxDrawdown(double[] returns) {
        double value = 1;
        double peak = 1;
        double deepest = 0;
        for (double r : returns) {
            value *= 1 + r;
            peak = Math.max(peak, value);
            deepest = Math.max(deepest, 1 - value / peak);
        }
        return deepest;
    }

    /** The {@code p}-quantile of ascending {@code sorted}, interpolated linearly. */
    static double percentile(double[] sorted, double p) {
        double rank = (sorted.length - 1) * p;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
