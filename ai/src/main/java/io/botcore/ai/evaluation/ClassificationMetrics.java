package io.botcore.ai.evaluation;

import io.botcore.ai.labels.Direction;
import java.util.Arrays;
import java.util.Objects;

/**
 * How well class probabilities predicted the actual {@link Direction}s. Every array is indexed by
 * {@link Direction#ordinal()}.
 *
 * <ul>
 *   <li>accuracy: share of rows whose most probable class (the lowest ordinal on a tie) is the actual one;</li>
 *   <li>precision of class k: of the rows predicted k, the share that were k (NaN when none was predicted k);
 *       recall of class k: of the rows that were k, the share predicted k (NaN when none was k);</li>
 *   <li>log loss: mean of {@code -ln p(actual)}, with p clipped to [1e-15, 1] so that a confident miss costs
 *       34.5 instead of infinity;</li>
 *   <li>Brier score: mean over rows of {@code sum_k (p_k - [actual = k])^2}, from 0 (perfect) to 2;</li>
 *   <li>AUC of class k, one-vs-rest: the probability that a random row of class k gets a higher p_k than a
 *       random row of another class, ties counting one half (Mann-Whitney U with mid-ranks); NaN when class k
 *       or the rest is absent. The macro AUC is the mean over the classes whose AUC is defined.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: the accessors copy.
 *
 * @param rows        number of rows scored
 * @param classCounts rows of each actual class
 * @param accuracy    share of rows classified correctly
 * @param precision   per class
 * @param recall      per class
 * @param logLoss     mean negative log-likelihood, nats
 * @param brier       multi-class Brier score
 * @param auc         one-vs-rest AUC per class
 * @param aucMacro    mean of the defined per-class AUCs (NaN if none is)
 */
public record ClassificationMetrics(int rows, int[] classCounts, double accuracy, double[] precision,
        double[] recall, double logLoss, double brier, double[] auc, double aucMacro) {

    /** Lower clip of probabilities in the log loss. */
    public static final double EPSILON = 1e-15;

    public ClassificationMetrics {
        classCounts = classCounts.clone();
        precision = precision.clone();
        recall = recall.clone();
        auc = auc.clone();
    }

    @Override
    public int[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] auc() {
        return auc.clone();
    }

    /**
     * Scores {@code probabilities} (one array per row, in {@link Direction} order) against {@code actual}.
     *
     * @throws IllegalArgumentException if the lengths disagree, there are no rows, or a row is not a
     *                                  probability vector of {@link Direction#count()} values
     */
    public static ClassificationMetrics of(Direction[] actual, double[][] probabilities) {
        Objects.requireNonNull(actual, "actual");
        int n = actual.length;
        int k = Direction.count();
        if (probabilities.length != n) {
            throw new IllegalArgumentException(n + " actual classes but " + probabilities.length + " predictions");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no rows to score");
        }
        int[] counts = new int[k];
        int[] predictedCounts = new int[k];
        int[] truePositives = new int[k];
        int correct = 0;
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double[] p = checkRow(i, probabilities[i]);
            int y = actual[i].ordinal();
            int predicted = argMax(p);
            counts[y]++;
            predictedCounts[predicted]++;
            if (predicted == y) {
                correct++;
                truePositives[y]++;
            }
            logLoss -= Math.log(Math.max(EPSILON, Math.min(1, p[y])));
            for (int c = 0; c < k; c++) {
                double d = p[c] - (c == y ? 1 : 0);
                brier += d * d;
            }
        }
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] auc = new double[k];
        double aucSum = 0;
        int aucDefined = 0;
        for (int c = 0; c < k; c++) {
            precision[c] = predictedCounts[c] == 0 ? Double.NaN : (double) truePositives[c] / predictedCounts[c];
            recall[c] = counts[c] == 0 ? Double.NaN : (double) truePositives[c] / counts[c];
            auc[c] = oneVsRestAuc(actual, probabilities, c);
            if (!Double.isNaN(auc[c])) {
                aucSum += auc[c];
                aucDefined++;
            }
        }
        return new ClassificationMetrics(n, counts, (double) correct / n, precision, recall, logLoss / n, brier / n,
                auc, aucDefined == 0 ? Double.NaN : aucSum / aucDefined);
    }

    private static double[] checkRow(int i, double[] p) {
        if (p.length != Direction.count()) {
            throw new IllegalArgumentException("prediction " + i + " has " + p.length + " probabilities, expected "
                    + Direction.count());
        }
        double sum = 0;
        for (double value : p) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("prediction " + i + " has a probability outside [0, 1]: "
                        + Arrays.toString(p));
            }
            sum += value;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("prediction " + i + " sums to " + sum + ": " + Arrays.toString(p));
        }
        return p;
    }

    /** Index of the largest value, the lowest index on a tie. */
    static int argMax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Mann-Whitney AUC of score {@code p[c]} for "class c" against the rest, with mid-ranks for ties. */
    private static double oneVsRestAuc(Direction[] actual, double[][] probabilities, int c) {
        int n = actual.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[a][c], probabilities[b][c]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && probabilities[order[j + 1]][c] == probabilities[order[i]][c]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) {
                if (actual[order[m]].ordinal() == c) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }
}
