package io.botcore.core.indicator;

import static io.botcore.core.indicator.IndicatorAssertions.assertBitIdentical;
import static io.botcore.core.indicator.IndicatorAssertions.assertMatchesTa4j;
import static io.botcore.core.indicator.IndicatorAssertions.assertWarmUp;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class RsiTest {

    /**
     * ta4j seeds both Wilder averages with 0 at index 0, we with the mean of the first {@code period} changes.
     * The difference shrinks by the factor {@code 1 - 1/period} a bar; after {@code 50 * period} bars (at least
     * 1000) it is below {@code e^-50}, about 2e-22, of the first one, so the comparison starts there.
     */
    private static int converged(int period) {
        return Math.max(1000, 50 * period);
    }

    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void followsWildersDefinition() {
        // period 3, changes +1, -1, +2, 0, -1
        // index 3: avgGain (1+0+2)/3 = 1, avgLoss (0+1+0)/3 = 1/3, RS 3, RSI 100 - 100/4 = 75
        // index 4: avgGain (2*1+0)/3 = 2/3, avgLoss (2/3+0)/3 = 2/9, RS 3, RSI 75
        // index 5: avgGain (4/3)/3 = 4/9, avgLoss (4/9+1)/3 = 13/27, RS 12/13, RSI 100 - 100*13/25 = 48
        double[] rsi = Rsi.compute(new double[] {10, 11, 10, 12, 12, 11}, 3);

        assertWarmUp(rsi, 3);
        assertThat(rsi[3]).isCloseTo(75, EXACT);
        assertThat(rsi[4]).isCloseTo(75, EXACT);
        assertThat(rsi[5]).isCloseTo(48, EXACT);
    }

    @Test
    void boundaryCases() {
        assertThat(Rsi.compute(new double[] {5, 5, 5, 5}, 3)[3]).as("no gain, no loss").isEqualTo(50);
        assertThat(Rsi.compute(new double[] {1, 2, 3, 4}, 3)[3]).as("gains only").isEqualTo(100);
        assertThat(Rsi.compute(new double[] {4, 3, 2, 1}, 3)[3]).as("losses only").isEqualTo(0);
    }

    @Test
    void streamingIsReadyAfterPeriodChanges() {
        Rsi rsi = new Rsi(3);
        for (double x : new double[] {10, 11, 10}) {
            assertThat(rsi.update(x)).isNaN();
        }
        assertThat(rsi.isReady()).isFalse();

        assertThat(rsi.update(12)).isCloseTo(75, EXACT);
        assertThat(rsi.isReady()).isTrue();
        rsi.update(12);
        assertThat(rsi.update(11)).isCloseTo(48, EXACT);
        assertThat(rsi.value()).isCloseTo(48, EXACT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 14, 28})
    void streamingAndBatchGiveTheSameBitsOnRealData(int period) {
        double[] closes = ReferenceData.BTC_1H.closes();
        double[] streaming = new double[closes.length];
        Rsi rsi = new Rsi(period);
        for (int i = 0; i < closes.length; i++) {
            streaming[i] = rsi.update(closes[i]);
        }

        assertBitIdentical(streaming, Rsi.compute(closes, period));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 14, 28})
    void matchesTa4jOnRealDataOnceTheSeedsHaveConverged(int period) {
        double[] rsi = Rsi.compute(ReferenceData.BTC_1H.closes(), period);

        assertWarmUp(rsi, period);
        assertMatchesTa4j("RSI " + period, rsi,
                new RSIIndicator(new ClosePriceIndicator(ReferenceData.BTC_1H_TA4J), period), converged(period), 0);
    }
}
