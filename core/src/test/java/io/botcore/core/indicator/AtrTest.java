package io.botcore.core.indicator;

import static io.botcore.core.indicator.IndicatorAssertions.assertBitIdentical;
import static io.botcore.core.indicator.IndicatorAssertions.assertMatchesTa4j;
import static io.botcore.core.indicator.IndicatorAssertions.assertWarmUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.market.CandleSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.ATRIndicator;

class AtrTest {

    /**
     * ta4j takes high - low as the true range of index 0 and seeds Wilder's average with it; we start at
     * index 1 and seed with the mean of the first {@code period} true ranges. The difference shrinks by the
     * factor {@code 1 - 1/period} a bar; after {@code 50 * period} bars (at least 1000) it is below
     * {@code e^-50}, about 2e-22, of the first one, so the comparison starts there.
     */
    private static int converged(int period) {
        return Math.max(1000, 50 * period);
    }

    // high, low, close of five candles
    private static final double[] HIGH = {10, 11, 12, 11, 15};
    private static final double[] LOW = {8, 9, 10, 7, 14};
    private static final double[] CLOSE = {9, 10, 11.5, 8, 14.5};

    @Test
    void followsWildersDefinition() {
        // true ranges from index 1: max(2, |11-9|, |9-9|) = 2; max(2, |12-10|, |10-10|) = 2;
        // max(4, |11-11.5|, |7-11.5|) = 4.5; max(1, |15-8|, |14-8|) = 7 (gap up: high - previous close)
        // period 2: index 2 (2+2)/2 = 2; index 3 (1*2 + 4.5)/2 = 3.25; index 4 (3.25 + 7)/2 = 5.125
        assertThat(Atr.compute(HIGH, LOW, CLOSE, 2)).containsExactly(Double.NaN, Double.NaN, 2, 3.25, 5.125);
    }

    @Test
    void streamingMatchesTheHandComputedValues() {
        Atr atr = new Atr(2);
        assertThat(atr.update(HIGH[0], LOW[0], CLOSE[0])).isNaN();
        assertThat(atr.update(HIGH[1], LOW[1], CLOSE[1])).isNaN();
        assertThat(atr.isReady()).isFalse();

        assertThat(atr.update(HIGH[2], LOW[2], CLOSE[2])).isEqualTo(2);
        assertThat(atr.isReady()).isTrue();
        assertThat(atr.update(HIGH[3], LOW[3], CLOSE[3])).isEqualTo(3.25);
        assertThat(atr.update(HIGH[4], LOW[4], CLOSE[4])).isEqualTo(5.125);
    }

    @Test
    void rejectsColumnsOfDifferentLengths() {
        assertThatThrownBy(() -> Atr.compute(HIGH, LOW, new double[] {1}, 2))
                .hasMessage("close has 1 values, expected 5");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 14, 50})
    void streamingAndBatchGiveTheSameBitsOnRealData(int period) {
        CandleSeries candles = ReferenceData.BTC_1H;
        double[] streaming = new double[candles.size()];
        Atr atr = new Atr(period);
        for (int i = 0; i < candles.size(); i++) {
            streaming[i] = atr.update(candles.candle(i));
        }

        assertBitIdentical(streaming, Atr.compute(candles.highs(), candles.lows(), candles.closes(), period));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 14, 50})
    void matchesTa4jOnRealDataOnceTheSeedsHaveConverged(int period) {
        CandleSeries candles = ReferenceData.BTC_1H;
        double[] atr = Atr.compute(candles.highs(), candles.lows(), candles.closes(), period);

        assertWarmUp(atr, period);
        assertMatchesTa4j("ATR " + period, atr, new ATRIndicator(ReferenceData.BTC_1H_TA4J, period),
                converged(period), 0);
    }
}
