package io.botcore.core.optimize;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The deflated Sharpe ratio of Bailey and López de Prado ("The Deflated Sharpe Ratio: Correcting for Selection
 * Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5), 2014): the probability
 * that the true Sharpe ratio of the selected strategy is above the Sharpe ratio the best of {@code N} worthless
 * trials would show by luck.
 *
 * <pre>
 * SR0 = sqrt(V) * ((1 - g) * Z^-1(1 - 1/N) + g * Z^-1(1 - 1/(N e)))          g = 0.5772156649 (Euler-Mascheroni)
 * DSR = Z((SR - SR0) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurt - 1) / 4 * SR^2))
 * </pre>
 *
 * where {@code Z} is the standard normal distribution function, {@code SR} the per-candle (not annualised) Sharpe
 * ratio of the selected strategy over {@code T} returns with that skewness and kurtosis (3 for normal), and
 * {@code V} the variance of the per-candle Sharpe ratios of the trials. With one trial there was no selection
 * and {@code SR0 = 0} (the probabilistic Sharpe ratio against zero).
 *
 * <p>Immutable and thread-safe.
 *
 * @param sharpe              per-candle Sharpe ratio of the selected strategy
 * @param observations        number of returns {@code T}
 * @param skewness            skewness of those returns
 * @param kurtosis            kurtosis of those returns (3 for normal)
 * @param trials              number of trials {@code N} the selection was made from
 * @param trialSharpeVariance variance {@code V} of the trials' per-candle Sharpe ratios
 * @param expectedMaxSharpe   {@code SR0}, the per-candle Sharpe ratio the best of {@code N} trials reaches by luck
 * @param probability         the deflated Sharpe ratio, in [0, 1]; NaN when an input is undefined
 */
public record DeflatedSharpe(double sharpe, int observations, double skewness, double kurtosis, long trials,
        double trialSharpeVariance, double expectedMaxSharpe, double probability) {

    /** The Euler-Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * The deflated Sharpe ratio of a strategy whose returns have {@code moments}, selected from {@code trials}
     * trials whose per-candle Sharpe ratios have variance {@code trialSharpeVariance}.
     */
    public static DeflatedSharpe of(ReturnMoments moments, long trials, double trialSharpeVariance) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1 but is " + trials);
        }
        double sr0 = expectedMaxSharpe(trials, trialSharpeVariance);
        return new DeflatedSharpe(moments.sharpe(), moments.count(), moments.skewness(), moments.kurtosis(), trials,
                trialSharpeVariance, sr0, probabilistic(moments.sharpe(), sr0, moments.count(), moments.skewness(),
                        moments.kurtosis()));
    }

    /** {@code SR0}: the expected maximum per-candle Sharpe ratio of {@code trials} trials of zero true Sharpe. */
    public static double expectedMaxSharpe(long trials, double trialSharpeVariance) {
        if (trials == 1) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(trialSharpeVariance) * ((1 - EULER_GAMMA) * STANDARD_NORMAL.inverseCumulativeProbability(
                1 - 1 / n) + EULER_GAMMA * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E)));
    }

    /**
     * The probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds {@code benchmark}, given
     * {@code sharpe} measured over {@code observations} returns with this skewness and kurtosis.
     */
    public static double probabilistic(double sharpe, double benchmark, int observations, double skewness,
            double kurtosis) {
        double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (observations < 2 || !(variance > 0) || Double.isNaN(sharpe) || Double.isNaN(benchmark)) {
            return Double.NaN;
        }
        return STANDARD_NORMAL.cumulativeProbability((sharpe - benchmark) * Math.sqrt(observations - 1.0)
                / Math.sqrt(variance));
    }

    /**
     * The sample variance (n - 1) of the finite values among {@code sharpes}; NaN with fewer than two. Trials
     * without a Sharpe ratio (no trade, no variation) still count in {@code N} but carry no value here.
     */
    public static double variance(double[] sharpes) {
        int n = 0;
        double sum = 0;
        for (double s : sharpes) {
            if (Double.isFinite(s)) {
                n++;
                sum += s;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        double squares = 0;
        for (double s : sharpes) {
            if (Double.isFinite(s)) {
                squares += (s - mean) * (s - mean);
            }
        }
        return squares / (n - 1);
    }
}
