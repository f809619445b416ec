package io.botcore.core.indicator;

import static io.botcore.core.indicator.IndicatorAssertions.assertBitIdentical;
import static io.botcore.core.indicator.IndicatorAssertions.assertMatchesTa4j;
import static io.botcore.core.indicator.IndicatorAssertions.assertWarmUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class MacdTest {

    /**
     * ta4j seeds each EMA with the first value at index 0 (the signal with the line at index 0), we with the
     * SMA of the first values; the difference shrinks at least by the factor {@code 1 - 2/27} a bar, to below
     * {@code e^-76} of the first one after 1000 bars, so the comparison starts there.
     */
    private static final int CONVERGED = 1000;

    /**
     * The line and histogram cross zero: below one dollar in magnitude they are held to 1e-9 dollars absolute
     * (the EMAs they are differences of are about 1e4 to 1e5 dollars).
     */
    private static final double DOLLAR = 1.0;

    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void computesLineSignalAndHistogramByHand() {
        // values 1 3 2 6 4 8, fast 2 (alpha 2/3), slow 3 (alpha 1/2), signal 2
        // EMA2 from index 1: 2, 2, 14/3, 38/9, 182/27; EMA3 from index 2: 2, 4, 4, 6
        // line from index 2: 0, 2/3, 2/9, 20/27
        // signal from index 3: (0 + 2/3)/2 = 1/3, 1/3 + 2/3*(2/9 - 1/3) = 7/27, 7/27 + 2/3*(20/27 - 7/27) = 47/81
        // histogram: 1/3, -1/27, 13/81
        Macd.Values macd = Macd.compute(new double[] {1, 3, 2, 6, 4, 8}, 2, 3, 2);

        assertWarmUp(macd.line(), 2);
        assertWarmUp(macd.signal(), 3);
        assertWarmUp(macd.histogram(), 3);
        assertThat(macd.line()[2]).isCloseTo(0, EXACT);
        assertThat(macd.line()[3]).isCloseTo(2.0 / 3, EXACT);
        assertThat(macd.line()[5]).isCloseTo(20.0 / 27, EXACT);
        assertThat(macd.signal()[3]).isCloseTo(1.0 / 3, EXACT);
        assertThat(macd.signal()[4]).isCloseTo(7.0 / 27, EXACT);
        assertThat(macd.signal()[5]).isCloseTo(47.0 / 81, EXACT);
        assertThat(macd.histogram()[3]).isCloseTo(1.0 / 3, EXACT);
        assertThat(macd.histogram()[4]).isCloseTo(-1.0 / 27, EXACT);
        assertThat(macd.histogram()[5]).isCloseTo(13.0 / 81, EXACT);
    }

    @Test
    void streamingIsReadyWithTheSignal() {
        Macd macd = new Macd(2, 3, 2);
        macd.update(1);
        macd.update(3);
        assertThat(macd.line()).isNaN();
        macd.update(2);
        assertThat(macd.line()).isCloseTo(0, EXACT);
        assertThat(macd.isReady()).isFalse();
        assertThat(macd.histogram()).isNaN();

        macd.update(6);
        assertThat(macd.isReady()).isTrue();
        assertThat(macd.signal()).isCloseTo(1.0 / 3, EXACT);
        assertThat(macd.histogram()).isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void rejectsASlowPeriodNotAboveTheFastOne() {
        assertThatThrownBy(() -> new Macd(26, 12, 9)).hasMessage("slowPeriod 12 must be greater than fastPeriod 26");
    }

    @Test
    void streamingAndBatchGiveTheSameBitsOnRealData() {
        double[] closes = ReferenceData.BTC_1H.closes();
        double[] line = new double[closes.length];
        double[] signal = new double[closes.length];
        double[] histogram = new double[closes.length];
        Macd macd = new Macd(12, 26, 9);
        for (int i = 0; i < closes.length; i++) {
            macd.update(closes[i]);
            line[i] = macd.line();
            signal[i] = macd.signal();
            histogram[i] = macd.histogram();
        }

        Macd.Values batch = Macd.compute(closes, 12, 26, 9);
        assertBitIdentical(line, batch.line());
        assertBitIdentical(signal, batch.signal());
        assertBitIdentical(histogram, batch.histogram());
    }

    @Test
    void matchesTa4jOnRealDataOnceTheSeedsHaveConverged() {
        Macd.Values macd = Macd.compute(ReferenceData.BTC_1H.closes(), 12, 26, 9);
        MACDIndicator reference = new MACDIndicator(new ClosePriceIndicator(ReferenceData.BTC_1H_TA4J), 12, 26);

        assertWarmUp(macd.line(), 25);
        assertWarmUp(macd.signal(), 33);
        assertMatchesTa4j("MACD line", macd.line(), reference, CONVERGED, DOLLAR);
        assertMatchesTa4j("MACD signal", macd.signal(), reference.getSignalLine(9), CONVERGED, DOLLAR);
        assertMatchesTa4j("MACD histogram", macd.histogram(), reference.getHistogram(9), CONVERGED, DOLLAR);
    }
}
