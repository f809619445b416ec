package io.botcore.ai.training;

import io.botcore.ai.labels.LabelSpec;
import io.botcore.ai.model.GradientBoostingSpec;
import io.botcore.ai.model.LogisticRegressionSpec;
import io.botcore.ai.model.ModelSpec;
import io.botcore.core.market.Interval;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything a training run needs besides the candles. Window sizes are counted in bars.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return modified copies.
 *
 * @param label           how bars are labelled (horizon, flat threshold)
 * @param minTrainBars    training bars of the first walk-forward fold
 * @param trainBars       training bars of every fold (rolling window), or 0 to expand from the first bar
 * @param testBars        bars of each out-of-sample test window
 * @param embargoBars     bars left out between training and test, {@code >= label.horizon()}
 * @param signalThreshold the strategy is long while {@code P(UP) - P(DOWN) > signalThreshold}, in [-1, 1)
 * @param feePerSide      trading fee per entry and per exit, fraction of the traded value, in [0, 1)
 * @param models          the models to train, at most one per kind
 * @param promotion       whether the run promotes a model
 * @param calibrationBins bins of the calibration plot, {@code >= 2}
 * @param threads         fold models trained at the same time, {@code >= 1}; the results do not depend on it
 */
public record TrainingOptions(LabelSpec label, int minTrainBars, int trainBars, int testBars, int embargoBars,
        double signalThreshold, double feePerSide, List<ModelSpec> models, Promotion promotion,
        int calibrationBins, int threads) {

    private static final long DAY_MILLIS = 86_400_000L;

    public TrainingOptions {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(promotion, "promotion");
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models must not be empty");
        }
        if (new HashSet<>(models.stream().map(ModelSpec::kind).toList()).size() != models.size()) {
            throw new IllegalArgumentException("at most one model per kind, but models are " + models);
        }
        if (minTrainBars < 1 || testBars < 1 || trainBars < 0) {
            throw new IllegalArgumentException("need minTrainBars >= 1, testBars >= 1, trainBars >= 0 but they are "
                    + minTrainBars + ", " + testBars + ", " + trainBars);
        }
        if (embargoBars < label.horizon()) {
            throw new IllegalArgumentException("embargoBars " + embargoBars + " must be >= the label horizon "
                    + label.horizon());
        }
        if (!(signalThreshold >= -1 && signalThreshold < 1)) {
            throw new IllegalArgumentException("signalThreshold must be in [-1, 1) but is " + signalThreshold);
        }
        if (!(feePerSide >= 0 && feePerSide < 1)) {
            throw new IllegalArgumentException("feePerSide must be in [0, 1) but is " + feePerSide);
        }
        if (calibrationBins < 2) {
            throw new IllegalArgumentException("calibrationBins must be >= 2 but is " + calibrationBins);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but is " + threads);
        }
    }

    /**
     * The defaults for {@code interval}: labels 4 bars ahead, flat within 0.2 %; an expanding training window
     * of at least 365 days; test windows of 91 days; an embargo of one day (at least the horizon); long while
     * {@code P(UP) - P(DOWN) > 0.05}; 0.1 % fee per side; logistic regression and gradient-boosted trees with
     * their default hyper-parameters; no promotion; 10 calibration bins; one training thread per available
     * processor. For 1h: 8,760 / 2,184 / 24 bars.
     */
    public static TrainingOptions defaults(Interval interval) {
        int barsPerDay = (int) Math.max(1, DAY_MILLIS / interval.millis());
        LabelSpec label = LabelSpec.DEFAULT;
        return new TrainingOptions(label, 365 * barsPerDay, 0, 91 * barsPerDay,
                Math.max(label.horizon(), barsPerDay), 0.05, 0.001,
                List.of(LogisticRegressionSpec.DEFAULT, GradientBoostingSpec.DEFAULT), Promotion.NEVER, 10,
                Runtime.getRuntime().availableProcessors());
    }

    /** A copy with other labels; the embargo grows to the new horizon if it was shorter. */
    public TrainingOptions withLabel(LabelSpec newLabel) {
        return new TrainingOptions(newLabel, minTrainBars, trainBars, testBars,
                Math.max(embargoBars, newLabel.horizon()), signalThreshold, feePerSide, models, promotion,
                calibrationBins, threads);
    }

    /** A copy with other walk-forward windows. */
    public TrainingOptions withWindows(int newMinTrainBars, int newTrainBars, int newTestBars, int newEmbargoBars) {
        return new TrainingOptions(label, newMinTrainBars, newTrainBars, newTestBars, newEmbargoBars,
                signalThreshold, feePerSide, models, promotion, calibrationBins, threads);
    }

    /** A copy with another strategy threshold. */
    public TrainingOptions withSignalThreshold(double newSignalThreshold) {
        return new TrainingOptions(label, minTrainBars, trainBars, testBars, embargoBars, newSignalThreshold,
                feePerSide, models, promotion, calibrationBins, threads);
    }

    /** A copy with another fee per side. */
    public TrainingOptions withFeePerSide(double newFeePerSide) {
        return new TrainingOptions(label, minTrainBars, trainBars, testBars, embargoBars, signalThreshold,
                newFeePerSide, models, promotion, calibrationBins, threads);
    }

    /** A copy training other models. */
    public TrainingOptions withModels(List<ModelSpec> newModels) {
        return new TrainingOptions(label, minTrainBars, trainBars, testBars, embargoBars, signalThreshold,
                feePerSide, newModels, promotion, calibrationBins, threads);
    }

    /** A copy with another promotion policy. */
    public TrainingOptions withPromotion(Promotion newPromotion) {
        return new TrainingOptions(label, minTrainBars, trainBars, testBars, embargoBars, signalThreshold,
                feePerSide, models, newPromotion, calibrationBins, threads);
    }

    /** A copy training this many fold models at the same time. */
    public TrainingOptions withThreads(int newThreads) {
        return new TrainingOptions(label, minTrainBars, trainBars, testBars, embargoBars, signalThreshold,
                feePerSide, models, promotion, calibrationBins, newThreads);
    }
}
