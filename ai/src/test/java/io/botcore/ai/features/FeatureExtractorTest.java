package io.botcore.ai.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.botcore.ai.testdata.RecordedData;
import io.botcore.core.indicator.Atr;
import io.botcore.core.indicator.Rsi;
import io.botcore.core.market.CandleSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class FeatureExtractorTest {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureExtractorTest.class);
    private static final long SEED = 20_250_919L;

    @Test
    void shouldGiveTheSameRowWhetherTheSeriesEndsThereOrGoesOn() {
        for (String file : new String[] {RecordedData.BTC_1H, RecordedData.ETH_1H}) {
            CandleSeries candles = RecordedData.hourly(file);
            FeatureMatrix full = FeatureExtractor.compute(candles);
            Random random = new Random(SEED);
            LOG.info("no-look-ahead sample of {} with seed {}", file, SEED);
            int[] sample = new int[120];
            for (int i = 0; i < sample.length; i++) {
                // the first rows (warm-up), then random bars over the whole five years
                sample[i] = i < 40 ? i : random.nextInt(candles.size());
            }
            for (int t : sample) {
                FeatureMatrix truncated = FeatureExtractor.compute(candles.slice(0, t + 1));
                assertThat(truncated.rows()).isEqualTo(t + 1);
                assertThat(doubleBits(truncated.row(t)))
                        .as("%s bar %d (%s)", file, t, Instant.ofEpochMilli(candles.openTime(t)))
                        .containsExactly(doubleBits(full.row(t)));
            }
        }
    }

    @Test
    void shouldNotChangeAnEarlierRowWhenLaterCandlesChange() {
        CandleSeries candles = RecordedData.hourly(RecordedData.BTC_1H).slice(0, 400);
        int t = 250;
        double[] close = candles.closes();
        double[] open = candles.opens();
        double[] high = candles.highs();
        double[] low = candles.lows();
        double[] volume = candles.volumes();
        for (int i = t + 1; i < candles.size(); i++) {
            close[i] *= 3;
            open[i] *= 3;
            high[i] *= 3;
            low[i] *= 3;
            volume[i] *= 10;
        }
        CandleSeries changed = CandleSeries.of(candles.interval(), candles.openTimes(), open, high, low, close,
                volume);

        assertThat(FeatureExtractor.compute(changed).row(t)).containsExactly(FeatureExtractor.compute(candles).row(t));
        assertThat(FeatureExtractor.compute(changed).row(t + 1))
                .isNotEqualTo(FeatureExtractor.compute(candles).row(t + 1));
    }

    @Test
    void shouldBeCompleteFromTheMacdHistogramOn() {
        FeatureMatrix features = FeatureExtractor.compute(RecordedData.hourly(RecordedData.BTC_1H));

        // MACD(12, 26, 9): the signal line is first defined at index 26 + 9 - 2 = 33
        assertThat(features.firstComplete()).isEqualTo(33);
        assertThat(features.get(32, Feature.MACD_HISTOGRAM)).isNaN();
        assertThat(features.get(32, Feature.RETURN_24)).isFinite();
        for (int t = 33; t < features.rows(); t++) {
            for (double value : features.row(t)) {
                assertThat(value).isFinite();
            }
        }
    }

    @Test
    void shouldComputeReturnsAndTimeFromTheirDefinitions() {
        CandleSeries candles = RecordedData.hourly(RecordedData.BTC_1H);
        FeatureMatrix features = FeatureExtractor.compute(candles);
        int last = candles.size() - 1;
        // last candle: 2025-09-19 22:00 UTC, a Friday (day 4 counting Monday as 0), hour 22
        assertThat(Instant.ofEpochMilli(candles.openTime(last))).isEqualTo(Instant.parse("2025-09-19T22:00:00Z"));
        assertThat(features.get(last, Feature.HOUR_SIN)).isCloseTo(Math.sin(2 * Math.PI * 22 / 24), within(1e-15));
        assertThat(features.get(last, Feature.HOUR_COS)).isCloseTo(Math.cos(2 * Math.PI * 22 / 24), within(1e-15));
        assertThat(features.get(last, Feature.DAY_OF_WEEK_SIN)).isCloseTo(Math.sin(2 * Math.PI * 4 / 7),
                within(1e-15));
        assertThat(features.get(last, Feature.DAY_OF_WEEK_COS)).isCloseTo(Math.cos(2 * Math.PI * 4 / 7),
                within(1e-15));
        // first candle: 2020-09-20 00:00 UTC, a Sunday (day 6), hour 0
        assertThat(features.get(0, Feature.HOUR_SIN)).isEqualTo(0.0);
        assertThat(features.get(0, Feature.HOUR_COS)).isEqualTo(1.0);
        assertThat(features.get(0, Feature.DAY_OF_WEEK_SIN)).isCloseTo(Math.sin(2 * Math.PI * 6 / 7), within(1e-15));

        int t = 1000;
        assertThat(features.get(t, Feature.RETURN_1)).isEqualTo(Math.log(candles.close(t) / candles.close(t - 1)));
        assertThat(features.get(t, Feature.RETURN_24)).isEqualTo(Math.log(candles.close(t) / candles.close(t - 24)));
        assertThat(features.get(23, Feature.RETURN_24)).isNaN();
    }

    @Test
    void shouldScaleTheIndicatorsAsDocumented() {
        CandleSeries candles = RecordedData.hourly(RecordedData.BTC_1H).slice(0, 600);
        FeatureMatrix features = FeatureExtractor.compute(candles);
        // streaming indicators: a second code path to the same values
        Rsi rsi = new Rsi(14);
        Atr atr = new Atr(14);
        double rsiValue = Double.NaN;
        double atrValue = Double.NaN;
        for (int i = 0; i < candles.size(); i++) {
            rsiValue = rsi.update(candles.close(i));
            atrValue = atr.update(candles.candle(i));
        }
        int last = candles.size() - 1;
        assertThat(features.get(last, Feature.RSI_14)).isCloseTo(rsiValue / 100, within(1e-12));
        assertThat(features.get(last, Feature.ATR_RATIO)).isCloseTo(atrValue / candles.close(last), within(1e-12));

        // Bollinger(20, 2) from its definition: population deviation of the last 20 closes
        double[] window = Arrays.copyOfRange(candles.closes(), last - 19, last + 1);
        double mean = Arrays.stream(window).average().orElseThrow();
        double deviation = Math.sqrt(Arrays.stream(window).map(c -> (c - mean) * (c - mean)).sum() / 20);
        double upper = mean + 2 * deviation;
        double lower = mean - 2 * deviation;
        assertThat(features.get(last, Feature.BOLLINGER_PERCENT_B))
                .isCloseTo((candles.close(last) - lower) / (upper - lower), within(1e-9));
        assertThat(features.get(last, Feature.BOLLINGER_WIDTH)).isCloseTo((upper - lower) / mean, within(1e-12));

        double[] volumes = Arrays.copyOfRange(candles.volumes(), last - 19, last + 1);
        assertThat(features.get(last, Feature.VOLUME_RATIO))
                .isCloseTo(candles.volume(last) / Arrays.stream(volumes).average().orElseThrow(), within(1e-12));
    }

    private static long[] doubleBits(double[] row) {
        return Arrays.stream(row).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
