package io.botcore.core.indicator;

import static io.botcore.core.indicator.IndicatorAssertions.assertBitIdentical;
import static io.botcore.core.indicator.IndicatorAssertions.assertMatchesTa4j;
import static io.botcore.core.indicator.IndicatorAssertions.assertWarmUp;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;

class VolumeRatioTest {

    @Test
    void dividesVolumeByItsAverageIncludingItself() {
        // period 3: index 2 avg 2, 3/2 = 1.5; index 3 avg 11/3, 6/(11/3) = 18/11; index 4 avg 3, 0/3 = 0;
        // index 6 avg 0: ratio 0 by convention
        double[] ratio = VolumeRatio.compute(new double[] {1, 2, 3, 6, 0, 0, 0}, 3);

        assertWarmUp(ratio, 2);
        assertThat(ratio[2]).isEqualTo(1.5);
        assertThat(ratio[3]).isCloseTo(18.0 / 11, Offset.offset(1e-15));
        assertThat(ratio[4]).isEqualTo(0);
        assertThat(ratio[6]).isEqualTo(0);
    }

    @Test
    void streamingExposesTheAverageAndTheRatio() {
        VolumeRatio ratio = new VolumeRatio(3);
        ratio.update(1);
        assertThat(ratio.update(2)).isNaN();
        assertThat(ratio.average()).isNaN();

        assertThat(ratio.update(3)).isEqualTo(1.5);
        assertThat(ratio.isReady()).isTrue();
        assertThat(ratio.average()).isEqualTo(2);
        assertThat(ratio.update(6)).isCloseTo(18.0 / 11, Offset.offset(1e-15));
    }

    @Test
    void streamingAndBatchGiveTheSameBitsOnRealData() {
        double[] volumes = ReferenceData.BTC_1H.volumes();
        double[] ratios = new double[volumes.length];
        double[] averages = new double[volumes.length];
        VolumeRatio ratio = new VolumeRatio(20);
        for (int i = 0; i < volumes.length; i++) {
            ratios[i] = ratio.update(volumes[i]);
            averages[i] = ratio.average();
        }

        assertBitIdentical(ratios, VolumeRatio.compute(volumes, 20));
        assertBitIdentical(averages, Sma.compute(volumes, 20));
    }

    @Test
    void matchesTa4jOnRealDataFromTheFirstFullWindow() {
        VolumeIndicator volume = new VolumeIndicator(ReferenceData.BTC_1H_TA4J);
        SMAIndicator average = new SMAIndicator(volume, 20);
        double[] volumes = ReferenceData.BTC_1H.volumes();

        assertMatchesTa4j("volume SMA 20", Sma.compute(volumes, 20), average, 19, 0);
        assertMatchesTa4j("volume ratio 20", VolumeRatio.compute(volumes, 20),
                NumericIndicator.of(volume).dividedBy(average), 19, 0);
    }
}
