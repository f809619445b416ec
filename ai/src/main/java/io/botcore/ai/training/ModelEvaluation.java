package io.botcore.ai.training;

import io.botcore.ai.evaluation.CalibrationCurve;
import io.botcore.ai.evaluation.ClassificationMetrics;
import io.botcore.ai.evaluation.TradingResult;
import io.botcore.ai.model.ModelSpec;
import java.util.Objects;

/**
 * One model's walk-forward out-of-sample record: every prediction came from the fold model that was trained
 * before its test window.
 *
 * <p>Immutable and thread-safe: {@link #probabilities()} copies.
 *
 * @param spec          the model trained in every fold
 * @param probabilities class probabilities of each out-of-sample bar, in {@code Direction} order
 * @param metrics       classification metrics of those probabilities
 * @param calibration   their calibration curve
 * @param trading       the long/flat strategy driven by them
 */
public record ModelEvaluation(ModelSpec spec, double[][] probabilities, ClassificationMetrics metrics,
        CalibrationCurve calibration, TradingResult trading) {

    public ModelEvaluation {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(trading, "trading");
        probabilities = deepCopy(probabilities);
    }

    @Override
    public double[][] probabilities() {
        return deepCopy(probabilities);
    }

    /** Short name of the model, for example {@code "xgboost"}. */
    public String name() {
        return spec.kind().code();
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
