package io.botcore.ai.evaluation;

import io.botcore.ai.labels.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * Reliability of predicted probabilities, pooled one-vs-rest over the classes: every (row, class) pair is one
 * prediction {@code p} of the event "the row is of that class". Predictions are put in {@code bins} equal-width
 * bins of {@code p} ([0, 1/bins), ..., [(bins-1)/bins, 1]); a calibrated model's events happen in each bin about
 * as often as the bin's mean {@code p} says.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bins                     the non-empty bins, in order of probability
 * @param expectedCalibrationError mean of {@code |observed - meanPredicted|} over the bins, weighted by count
 */
public record CalibrationCurve(List<Bin> bins, double expectedCalibrationError) {

    public CalibrationCurve {
        bins = List.copyOf(bins);
    }

    /**
     * One bin.
     *
     * @param lower         lower edge of the bin
     * @param upper         upper edge of the bin
     * @param count         predictions in it
     * @param meanPredicted mean predicted probability
     * @param observed      share of them whose event happened
     */
    public record Bin(double lower, double upper, int count, double meanPredicted, double observed) {
    }

    /** The curve of {@code probabilities} (rows in {@link Direction} order) against {@code actual}. */
    public static CalibrationCurve of(Direction[] actual, double[][] probabilities, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1 but is " + bins);
        }
        if (actual.length != probabilities.length) {
            throw new IllegalArgumentException(actual.length + " actual classes but " + probabilities.length
                    + " predictions");
        }
        int[] count = new int[bins];
        double[] sumPredicted = new double[bins];
        int[] events = new int[bins];
        for (int i = 0; i < actual.length; i++) {
            for (int c = 0; c < Direction.count(); c++) {
                double p = probabilities[i][c];
                int bin = Math.min(bins - 1, (int) (p * bins));
                count[bin]++;
                sumPredicted[bin] += p;
                if (actual[i].ordinal() == c) {
                    events[bin]++;
                }
            }
        }
        List<Bin> out = new ArrayList<>();
        long total = 0;
        double weightedError = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                continue;
            }
            double mean = sumPredicted[b] / count[b];
            double observed = (double) events[b] / count[b];
            out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], mean, observed));
            total += count[b];
            weightedError += count[b] * Math.abs(observed - mean);
        }
        return new CalibrationCurve(out, total == 0 ? Double.NaN : weightedError / total);
    }
}
