package io.botcore.core.indicator;

import static io.botcore.core.indicator.IndicatorAssertions.assertBitIdentical;
import static io.botcore.core.indicator.IndicatorAssertions.assertMatchesTa4j;
import static io.botcore.core.indicator.IndicatorAssertions.assertWarmUp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class EmaTest {

    /**
     * ta4j seeds its EMA with the first value at index 0, we with the SMA of the first {@code period} values.
     * The difference shrinks by the factor {@code 1 - 2/(period+1)} a bar; after {@code 25 * (period + 1)}
     * bars (at least 1000) it is below {@code e^-50}, about 2e-22, of the first one, so the comparison starts
     * there.
     */
    private static int converged(int period) {
        return Math.max(1000, 25 * (period + 1));
    }

    @Test
    void seedsWithTheSimpleAverageThenSmooths() {
        // period 3: alpha = 2/(3+1) = 0.5; seed (2+4+6)/3 = 4; 4 + 0.5*(8-4) = 6; 6 + 0.5*(16-6) = 11
        double[] ema = Ema.compute(new double[] {2, 4, 6, 8, 16}, 3);

        assertThat(ema).containsExactly(Double.NaN, Double.NaN, 4, 6, 11);
    }

    @Test
    void streamingMatchesTheHandComputedValues() {
        Ema ema = new Ema(3);
        ema.update(2);
        ema.update(4);
        assertThat(ema.isReady()).isFalse();
        assertThat(ema.value()).isNaN();

        assertThat(ema.update(6)).isEqualTo(4);
        assertThat(ema.isReady()).isTrue();
        assertThat(ema.update(8)).isEqualTo(6);
        assertThat(ema.update(16)).isEqualTo(11);
    }

    @Test
    void aSeriesShorterThanThePeriodIsAllWarmUp() {
        assertThat(Ema.compute(new double[] {1, 2}, 3)).containsExactly(Double.NaN, Double.NaN);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 12, 26, 200})
    void streamingAndBatchGiveTheSameBitsOnRealData(int period) {
        double[] closes = ReferenceData.BTC_1H.closes();
        double[] streaming = new double[closes.length];
        Ema ema = new Ema(period);
        for (int i = 0; i < closes.length; i++) {
            streaming[i] = ema.update(closes[i]);
        }

        assertBitIdentical(streaming, Ema.compute(closes, period));
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 12, 26, 50})
    void matchesTa4jOnRealDataOnceTheSeedsHaveConverged(int period) {
        double[] ema = Ema.compute(ReferenceData.BTC_1H.closes(), period);

        assertWarmUp(ema, period - 1);
        assertMatchesTa4j("EMA " + period, ema,
                new EMAIndicator(new ClosePriceIndicator(ReferenceData.BTC_1H_TA4J), period), converged(period), 0);
    }
}
