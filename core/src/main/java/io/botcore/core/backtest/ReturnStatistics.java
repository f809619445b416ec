package io.botcore.core.backtest;

import io.botcore.core.market.Interval;

/** The statistics of a value curve shared by the strategy's metrics and buy-and-hold. Stateless. */
final class ReturnStatistics {

    /** A year of 365 days: crypto trades every day. */
    static final double YEAR_MILLIS = 365.0 * 86_400_000L;

    private ReturnStatistics() {
    }

    /** Candles of {@code interval} in a year of 365 days: 8760 for 1h. */
    static double periodsPerYear(Interval interval) {
        return YEAR_MILLIS / interval.millis();
    }

    /** Simple returns of {@code values} from {@code start}: {@code values[i] / previous - 1}. */
    static double[] returns(double start, double[] values) {
        double[] returns = new double[values.length];
        double previous = start;
        for (int i = 0; i < values.length; i++) {
            returns[i] = values[i] / previous - 1;
            previous = values[i];
        }
        return returns;
    }

    /** {@code mean / sample standard deviation * sqrt(periodsPerYear)}. */
    static double sharpe(double[] returns, double periodsPerYear) {
        if (returns.length < 2) {
            return Double.NaN;
        }
        double mean = mean(returns);
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return ratio(mean, Math.sqrt(squares / (returns.length - 1))) * Math.sqrt(periodsPerYear);
    }

    /** {@code mean / sqrt(mean of min(r, 0)^2) * sqrt(periodsPerYear)}: downside deviation below 0. */
    static double sortino(double[] returns, double periodsPerYear) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        double squares = 0;
        for (double r : returns) {
            double down = Math.min(r, 0);
            squares += down * down;
        }
        return ratio(mean(returns), Math.sqrt(squares / returns.length)) * Math.sqrt(periodsPerYear);
    }

    /** {@code (end / start)^(1 / years) - 1}, years of 365 days; -1 if nothing is left. */
    static double cagr(double start, double end, long startMillis, long endMillis) {
        double years = (endMillis - startMillis) / YEAR_MILLIS;
        if (years <= 0) {
            return Double.NaN;
        }
        return end <= 0 ? -1 : Math.pow(end / start, 1 / years) - 1;
    }

    /** {@code numerator / denominator}; for a zero denominator +/-Infinity by the numerator's sign, or NaN. */
    static double ratio(double numerator, double denominator) {
        if (denominator != 0) {
            return numerator / denominator;
        }
        return numerator > 0 ? Double.POSITIVE_INFINITY : numerator < 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * Drawdowns of {@code values} (at {@code times}, epoch ms) after {@code start} at {@code startTime}.
     *
     * @param depth            deepest fall from a previous peak, fraction of that peak
     * @param depthDurationMs  from that peak until equity regained it, or until the last point
     * @param longestMs        longest time spent below a previous peak
     */
    record Drawdowns(double depth, long depthDurationMs, long longestMs) {

        static Drawdowns of(double start, long startTime, double[] values, long[] times) {
            double peak = start;
            long peakTime = startTime;
            double depth = 0;
            double depthPeak = start;
            long depthPeakTime = startTime;
            long longest = 0;
            boolean below = false;
            for (int i = 0; i < values.length; i++) {
                if (values[i] >= peak) {
                    if (below) {
                        longest = Math.max(longest, times[i] - peakTime);
                        below = false;
                    }
                    peak = values[i];
                    peakTime = times[i];
                    continue;
                }
                below = true;
                if (1 - values[i] / peak > depth) {
                    depth = 1 - values[i] / peak;
                    depthPeak = peak;
                    depthPeakTime = peakTime;
                }
            }
            long end = values.length == 0 ? startTime : times[values.length - 1];
            if (below) {
                longest = Math.max(longest, end - peakTime);
            }
            return new Drawdowns(depth, depth == 0 ? 0 : recovery(depthPeak, depthPeakTime, values, times, end)
                    - depthPeakTime, longest);
        }

        private static long recovery(double peak, long peakTime, double[] values, long[] times, long end) {
            for (int i = 0; i < values.length; i++) {
                if (times[i] > peakTime && values[i] >= peak) {
                    return times[i];
                }
            }
            return end;
        }
    }
}
