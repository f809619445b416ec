package io.botcore.core.optimize;

import io.botcore.core.backtest.EquityCurve;

/**
 * The moments of a series of per-candle returns that the deflated Sharpe ratio needs.
 *
 * <p>Returns are the simple returns of an {@link EquityCurve}, {@code E_i / E_(i-1) - 1} from the start equity, as
 * the backtest's Sharpe ratio uses them. Standard deviation is the sample one (n - 1), as in that Sharpe ratio;
 * skewness and kurtosis are the plain moment ratios {@code m3 / m2^1.5} and {@code m4 / m2^2} (kurtosis 3 for a
 * normal distribution, not the excess), as in Bailey and López de Prado.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count    number of returns
 * @param mean     mean return per candle
 * @param stdev    sample standard deviation per candle
 * @param skewness third standardised moment
 * @param kurtosis fourth standardised moment (3 for a normal distribution)
 */
public record ReturnMoments(int count, double mean, double stdev, double skewness, double kurtosis) {

    /** The moments of {@code returns}; NaN where they are undefined (fewer than two returns, no variation). */
    public static ReturnMoments of(double[] returns) {
        int n = returns.length;
        if (n == 0) {
            return new ReturnMoments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double r : returns) {
            double d = r - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double stdev = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        boolean flat = m2 == 0;
        return new ReturnMoments(n, mean, stdev, flat ? Double.NaN : m3 / Math.pow(m2, 1.5),
                flat ? Double.NaN : m4 / (m2 * m2));
    }

    /** The moments of the per-candle returns of {@code curve}, the first from its start equity. */
    public static ReturnMoments of(EquityCurve curve) {
        double[] returns = new double[curve.size()];
        double previous = curve.startEquity();
        for (int i = 0; i < returns.length; i++) {
            double value = curve.equity(i);
            returns[i] = value / previous - 1;
            previous = value;
        }
        return of(returns);
    }

    /** Sharpe ratio per candle, {@code mean / stdev}, not annualised; NaN without variation. */
    public double sharpe() {
        return stdev > 0 ? mean / stdev : Double.NaN;
    }
}
