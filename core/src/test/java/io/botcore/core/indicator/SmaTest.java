package io.botcore.core.indicator;

import static io.botcore.core.indicator.IndicatorAssertions.assertBitIdentical;
import static io.botcore.core.indicator.IndicatorAssertions.assertMatchesTa4j;
import static io.botcore.core.indicator.IndicatorAssertions.assertWarmUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class SmaTest {

    @Test
    void averagesTheLastPeriodValues() {
        // (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+8)/3 = 5, (4+8+0.5)/3 = 4.1666..
        double[] sma = Sma.compute(new double[] {1, 2, 3, 4, 8, 0.5}, 3);

        assertThat(sma[0]).isNaN();
        assertThat(sma[1]).isNaN();
        assertThat(sma[2]).isEqualTo(2);
        assertThat(sma[3]).isEqualTo(3);
        assertThat(sma[4]).isEqualTo(5);
        assertThat(sma[5]).isCloseTo(12.5 / 3, Offset.offset(1e-15));
    }

    @Test
    void streamingIsReadyAfterPeriodValues() {
        Sma sma = new Sma(2);

        assertThat(sma.update(4)).isNaN();
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.update(6)).isEqualTo(5);
        assertThat(sma.isReady()).isTrue();
        assertThat(sma.update(10)).isEqualTo(8);
        assertThat(sma.value()).isEqualTo(8);
    }

    @Test
    void rejectsAPeriodBelowOne() {
        assertThatThrownBy(() -> new Sma(0)).hasMessage("period must be >= 1 but is 0");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 20, 200})
    void streamingAndBatchGiveTheSameBitsOnRealData(int period) {
        double[] closes = ReferenceData.BTC_1H.closes();
        double[] streaming = new double[closes.length];
        Sma sma = new Sma(period);
        for (int i = 0; i < closes.length; i++) {
            streaming[i] = sma.update(closes[i]);
        }

        assertBitIdentical(streaming, Sma.compute(closes, period));
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 50, 200})
    void matchesTa4jOnRealDataFromTheFirstFullWindow(int period) {
        double[] sma = Sma.compute(ReferenceData.BTC_1H.closes(), period);

        assertWarmUp(sma, period - 1);
        // ta4j averages the values available before the window is full; from index period - 1 both are the
        // same definition, so no further warm-up is needed.
        assertMatchesTa4j("SMA " + period, sma,
                new SMAIndicator(new ClosePriceIndicator(ReferenceData.BTC_1H_TA4J), period), period - 1, 0);
    }
}
