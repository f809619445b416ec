package io.botcore.ai.features;

import io.botcore.core.indicator.Atr;
import io.botcore.core.indicator.BollingerBands;
import io.botcore.core.indicator.Macd;
import io.botcore.core.indicator.Rsi;
import io.botcore.core.indicator.VolumeRatio;
import io.botcore.core.market.CandleSeries;

/**
 * Computes the {@link Feature}s of every bar of a candle series with the core's batch indicators. Each
 * indicator is causal, so row {@code t} depends on candles {@code 0..t} only: the same row comes out, bit for
 * bit, whether the series ends at {@code t} or goes on. Return horizons count bars, so across a gap in the
 * recorded data a 1-bar return spans more than one interval.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeatureExtractor {

    /** Version of the feature definitions, stored with every model so that serving can refuse a mismatch. */
    public static final String VERSION = "features-v1";

    private static final int[] RETURN_HORIZONS = {1, 3, 6, 12, 24};
    private static final Feature[] RETURN_FEATURES = {Feature.RETURN_1, Feature.RETURN_3, Feature.RETURN_6,
        Feature.RETURN_12, Feature.RETURN_24};
    private static final int RSI_PERIOD = 14;
    private static final int MACD_FAST = 12;
    private static final int MACD_SLOW = 26;
    private static final int MACD_SIGNAL = 9;
    private static final int BOLLINGER_PERIOD = 20;
    private static final double BOLLINGER_K = 2.0;
    private static final int ATR_PERIOD = 14;
    private static final int VOLUME_PERIOD = 20;
    private static final long HOUR_MILLIS = 3_600_000L;
    /**
     * Candles a series needs before its last row can be complete: the MACD signal line is first defined at
     * index {@code 26 + 9 - 2 = 33}, the last warm-up of all features.
     */
    public static final int MIN_CANDLES = MACD_SLOW + MACD_SIGNAL - 1;
    private static final long DAY_MILLIS = 86_400_000L;

    private FeatureExtractor() {
    }

    /** The features of every candle of {@code candles}. */
    public static FeatureMatrix compute(CandleSeries candles) {
        int n = candles.size();
        int columns = Feature.values().length;
        long[] openTimes = candles.openTimes();
        double[] close = candles.closes();
        double[] rsi = Rsi.compute(close, RSI_PERIOD);
        double[] histogram = Macd.compute(close, MACD_FAST, MACD_SLOW, MACD_SIGNAL).histogram();
        BollingerBands.Values bands = BollingerBands.compute(close, BOLLINGER_PERIOD, BOLLINGER_K);
        double[] atr = Atr.compute(candles.highs(), candles.lows(), close, ATR_PERIOD);
        double[] volumeRatio = VolumeRatio.compute(candles.volumes(), VOLUME_PERIOD);

        double[] values = new double[n * columns];
        int firstComplete = n;
        for (int t = 0; t < n; t++) {
            int at = t * columns;
            for (int h = 0; h < RETURN_HORIZONS.length; h++) {
                int k = RETURN_HORIZONS[h];
                values[at + RETURN_FEATURES[h].ordinal()] = t >= k ? Math.log(close[t] / close[t - k]) : Double.NaN;
            }
            values[at + Feature.RSI_14.ordinal()] = rsi[t] / 100;
            values[at + Feature.MACD_HISTOGRAM.ordinal()] = histogram[t] / close[t];
            double width = bands.upper()[t] - bands.lower()[t];
            values[at + Feature.BOLLINGER_PERCENT_B.ordinal()] = percentB(close[t], bands.lower()[t], width);
            values[at + Feature.BOLLINGER_WIDTH.ordinal()] = width / bands.middle()[t];
            values[at + Feature.ATR_RATIO.ordinal()] = atr[t] / close[t];
            values[at + Feature.VOLUME_RATIO.ordinal()] = volumeRatio[t];
            double hour = Math.floorMod(openTimes[t] / HOUR_MILLIS, 24L);
            // 1970-01-01 was a Thursday, day 3 counting from Monday = 0
            double day = Math.floorMod(Math.floorDiv(openTimes[t], DAY_MILLIS) + 3, 7L);
            values[at + Feature.HOUR_SIN.ordinal()] = Math.sin(2 * Math.PI * hour / 24);
            values[at + Feature.HOUR_COS.ordinal()] = Math.cos(2 * Math.PI * hour / 24);
            values[at + Feature.DAY_OF_WEEK_SIN.ordinal()] = Math.sin(2 * Math.PI * day / 7);
            values[at + Feature.DAY_OF_WEEK_COS.ordinal()] = Math.cos(2 * Math.PI * day / 7);
            if (firstComplete == n && allFinite(values, at, columns)) {
                firstComplete = t;
            }
        }
        for (int t = firstComplete; t < n; t++) {
            if (!allFinite(values, t * columns, columns)) {
                throw new IllegalStateException("feature row " + t + " is not finite after warm-up ending at "
                        + firstComplete);
            }
        }
        return new FeatureMatrix(openTimes, values, columns, firstComplete);
    }

    /** Where the close sits in the bands: 0 at the lower, 1 at the upper; 0.5 when they meet; NaN in warm-up. */
    private static double percentB(double close, double lower, double width) {
        if (Double.isNaN(width)) {
            return Double.NaN;
        }
        return width > 0 ? (close - lower) / width : 0.5;
    }

    private static boolean allFinite(double[] values, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!Double.isFinite(values[i])) {
                return false;
            }
        }
        return true;
    }
}
