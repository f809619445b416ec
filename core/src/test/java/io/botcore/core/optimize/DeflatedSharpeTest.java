package io.botcore.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    /**
     * The numerical example of Bailey and López de Prado (2014), section "A numerical example": N = 100 trials,
     * variance of the trials' annualised Sharpe ratios 1/2, the selected strategy's annualised Sharpe ratio 2.5
     * over T = 1250 daily returns (250 a year) with skewness -3 and kurtosis 10. The paper gives DSR = 0.9004.
     *
     * <p>By hand, per day: V = 0.5 / 250 = 0.002, sqrt(V) = 0.0447214; Z^-1(1 - 1/100) = 2.3263479 and
     * Z^-1(1 - 1/(100 e)) = Z^-1(0.9963212) = 2.6802104, so SR0 = 0.0447214 * (0.4227843 * 2.3263479
     * + 0.5772157 * 2.6802104) = 0.0447214 * 2.5306299 = 0.1131720 (1.7894 annualised, as in the paper).
     * SR = 2.5 / sqrt(250) = 0.1581139. Denominator sqrt(1 + 3 * 0.1581139 + 9 / 4 * 0.1581139^2)
     * = sqrt(1 + 0.4743416 + 0.05625) = sqrt(1.5305916) = 1.2371708. z = (0.1581139 - 0.1131720) * sqrt(1249)
     * / 1.2371708 = 0.0449419 * 35.3411941 / 1.2371708 = 1.2838160, and Z(1.2838160) = 0.9003968.
     */
    @Test
    void shouldReproduceThePapersNumericalExample() {
        double sr0 = DeflatedSharpe.expectedMaxSharpe(100, 0.5 / 250);
        double dsr = DeflatedSharpe.probabilistic(2.5 / Math.sqrt(250), sr0, 1250, -3, 10);

        assertThat(sr0).isCloseTo(0.1131720, within(1e-7));
        assertThat(sr0 * Math.sqrt(250)).isCloseTo(1.7894, within(1e-4));
        assertThat(dsr).isCloseTo(0.9003968, within(1e-7));
    }

    /**
     * Returns 0.01, -0.02, 0.03, 0.00: mean 0.005; deviations 0.005, -0.025, 0.025, -0.005; squares sum 0.0013, so
     * the sample variance is 0.0013 / 3 and the stdev 0.0208167; Sharpe 0.005 / 0.0208167 = 0.2401922. Central
     * moments with n: m2 = 0.000325, m3 = (0.005^3 - 0.025^3 + 0.025^3 - 0.005^3) / 4 = 0, m4 = (2 * 0.005^4
     * + 2 * 0.025^4) / 4 = 1.95625e-7; skewness 0, kurtosis 1.95625e-7 / 0.000325^2 = 1.8520710. One trial: SR0 = 0,
     * z = 0.2401922 * sqrt(3) / sqrt(1 - 0 + 0.8520710 / 4 * 0.0576923) = 0.4160251 / sqrt(1.0122895)
     * = 0.4160251 / 1.0061260 = 0.4134921, and Z(0.4134921) = 0.6603769.
     */
    @Test
    void shouldComputeMomentsAndTheProbabilisticSharpeOfOneTrialByHand() {
        ReturnMoments moments = ReturnMoments.of(new double[] {0.01, -0.02, 0.03, 0.00});

        DeflatedSharpe dsr = DeflatedSharpe.of(moments, 1, Double.NaN);

        assertThat(moments.count()).isEqualTo(4);
        assertThat(moments.stdev()).isCloseTo(0.0208167, within(1e-7));
        assertThat(moments.sharpe()).isCloseTo(0.2401922, within(1e-7));
        assertThat(moments.skewness()).isCloseTo(0, within(1e-12));
        assertThat(moments.kurtosis()).isCloseTo(1.8520710, within(1e-7));
        assertThat(dsr.expectedMaxSharpe()).isZero();
        assertThat(dsr.probability()).isCloseTo(0.6603769, within(1e-7));
    }

    @Test
    void shouldDeflateMoreWithMoreTrials() {
        ReturnMoments moments = ReturnMoments.of(new double[] {0.01, -0.02, 0.03, 0.00, 0.015, -0.005});

        double ten = DeflatedSharpe.of(moments, 10, 0.01).probability();
        double thousand = DeflatedSharpe.of(moments, 1000, 0.01).probability();

        assertThat(thousand).isLessThan(ten);
        assertThat(DeflatedSharpe.variance(new double[] {1, 2, Double.NaN, 3})).isEqualTo(1.0);
        assertThat(DeflatedSharpe.variance(new double[] {1, Double.NaN})).isNaN();
    }
}
