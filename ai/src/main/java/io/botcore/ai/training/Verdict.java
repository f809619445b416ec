package io.botcore.ai.training;

import java.util.Locale;

/**
 * Whether a model did better than the baselines out of sample, each comparison strict: equal is not better.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model               short name of the model
 * @param logLoss             its out-of-sample log loss
 * @param baselineLogLoss     the constant-class baseline's
 * @param brier               its Brier score
 * @param baselineBrier       the baseline's
 * @param strategyReturn      total return of the strategy it drives
 * @param buyAndHoldReturn    total return of buy-and-hold over the same bars
 * @param bestIndicator       name of the best single-indicator strategy
 * @param bestIndicatorReturn its total return
 */
public record Verdict(String model, double logLoss, double baselineLogLoss, double brier, double baselineBrier,
        double strategyReturn, double buyAndHoldReturn, String bestIndicator, double bestIndicatorReturn) {

    /** The verdict on {@code evaluation} within {@code result}. */
    public static Verdict of(ModelEvaluation evaluation, WalkForwardResult result) {
        return new Verdict(evaluation.name(), evaluation.metrics().logLoss(), result.baseline().logLoss(),
                evaluation.metrics().brier(), result.baseline().brier(), evaluation.trading().totalReturn(),
                result.buyAndHold().totalReturn(), result.bestIndicator().name(),
                result.bestIndicator().totalReturn());
    }

    /** Log loss strictly below the baseline's. */
    public boolean beatsBaselineOnLogLoss() {
        return logLoss < baselineLogLoss;
    }

    /** Brier score strictly below the baseline's. */
    public boolean beatsBaselineOnBrier() {
        return brier < baselineBrier;
    }

    /** Strategy return strictly above buy-and-hold's. */
    public boolean beatsBuyAndHold() {
        return strategyReturn > buyAndHoldReturn;
    }

    /** Strategy return strictly above the best single-indicator strategy's. */
    public boolean beatsBestIndicator() {
        return strategyReturn > bestIndicatorReturn;
    }

    /** The verdict in plain words, one sentence per comparison. */
    public String text() {
        return String.format(Locale.ROOT, "%s is %s the constant-class baseline on log loss (%.5f vs %.5f). "
                + "It is %s the baseline on Brier score (%.5f vs %.5f). "
                + "Its strategy %s buy-and-hold (%+.2f %% vs %+.2f %%) "
                + "and %s the best single-indicator strategy, %s (%+.2f %%).",
                model, beatsBaselineOnLogLoss() ? "better than" : "NOT better than", logLoss, baselineLogLoss,
                beatsBaselineOnBrier() ? "better than" : "NOT better than", brier, baselineBrier,
                beatsBuyAndHold() ? "beat" : "did NOT beat", 100 * strategyReturn, 100 * buyAndHoldReturn,
                beatsBestIndicator() ? "beat" : "did NOT beat", bestIndicator, 100 * bestIndicatorReturn);
    }
}
