package io.botcore.core.indicator;

import static io.botcore.core.indicator.IndicatorAssertions.assertBitIdentical;
import static io.botcore.core.indicator.IndicatorAssertions.assertMatchesTa4j;
import static io.botcore.core.indicator.IndicatorAssertions.assertWarmUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNum;

class BollingerBandsTest {

    private static final double[] VALUES = {2, 4, 4, 4, 5, 5, 7, 9};
    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void usesThePopulationStandardDeviation() {
        // the eight values have mean 5 and population variance (9+1+1+1+0+0+4+16)/8 = 4, deviation 2
        BollingerBands.Values bands = BollingerBands.compute(VALUES, 8, 2.0);

        assertWarmUp(bands.middle(), 7);
        assertThat(bands.middle()[7]).isEqualTo(5);
        assertThat(bands.upper()[7]).isEqualTo(9);
        assertThat(bands.lower()[7]).isEqualTo(1);
    }

    @Test
    void slidesTheWindow() {
        // last four values 5 5 7 9: mean 6.5, squared deviations 2.25+2.25+0.25+6.25 = 11, variance 2.75
        BollingerBands.Values bands = BollingerBands.compute(VALUES, 4, 1.5);

        assertThat(bands.middle()[7]).isEqualTo(6.5);
        assertThat(bands.upper()[7]).isCloseTo(6.5 + 1.5 * Math.sqrt(2.75), EXACT);
        assertThat(bands.lower()[7]).isCloseTo(6.5 - 1.5 * Math.sqrt(2.75), EXACT);
    }

    @Test
    void streamingMatchesTheHandComputedValues() {
        BollingerBands bands = new BollingerBands(4, 1.5);
        for (int i = 0; i < 3; i++) {
            bands.update(VALUES[i]);
            assertThat(bands.isReady()).isFalse();
            assertThat(bands.upper()).isNaN();
        }
        for (int i = 3; i < VALUES.length; i++) {
            bands.update(VALUES[i]);
        }

        assertThat(bands.isReady()).isTrue();
        assertThat(bands.middle()).isEqualTo(6.5);
        assertThat(bands.deviation()).isCloseTo(Math.sqrt(2.75), EXACT);
        assertThat(bands.upper()).isCloseTo(6.5 + 1.5 * Math.sqrt(2.75), EXACT);
    }

    @Test
    void rejectsANegativeWidth() {
        assertThatThrownBy(() -> new BollingerBands(20, -1)).hasMessage("k must be finite and >= 0 but is -1.0");
    }

    @ParameterizedTest
    @CsvSource({"1, 2.0", "20, 2.0", "50, 2.5"})
    void streamingAndBatchGiveTheSameBitsOnRealData(int period, double k) {
        double[] closes = ReferenceData.BTC_1H.closes();
        double[] middle = new double[closes.length];
        double[] upper = new double[closes.length];
        double[] lower = new double[closes.length];
        BollingerBands bands = new BollingerBands(period, k);
        for (int i = 0; i < closes.length; i++) {
            bands.update(closes[i]);
            middle[i] = bands.middle();
            upper[i] = bands.upper();
            lower[i] = bands.lower();
        }

        BollingerBands.Values batch = BollingerBands.compute(closes, period, k);
        assertBitIdentical(middle, batch.middle());
        assertBitIdentical(upper, batch.upper());
        assertBitIdentical(lower, batch.lower());
    }

    @Test
    void matchesTa4jOnRealDataFromTheFirstFullWindow() {
        ClosePriceIndicator close = new ClosePriceIndicator(ReferenceData.BTC_1H_TA4J);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
        DecimalNum two = DecimalNum.valueOf(2);

        BollingerBands.Values bands = BollingerBands.compute(ReferenceData.BTC_1H.closes(), 20, 2.0);

        // Same definition from the first full window (ta4j's variance divides by the count, as ours does).
        assertWarmUp(bands.middle(), 19);
        assertMatchesTa4j("Bollinger middle", bands.middle(), middle, 19, 0);
        assertMatchesTa4j("Bollinger upper", bands.upper(),
                new BollingerBandsUpperIndicator(middle, deviation, two), 19, 0);
        assertMatchesTa4j("Bollinger lower", bands.lower(),
                new BollingerBandsLowerIndicator(middle, deviation, two), 19, 0);
    }
}
