package io.botcore.ai.training;

/**
 * Told how far a training run has come, for a progress bar. Called from the training thread.
 */
@FunctionalInterface
public interface TrainingProgress {

    /** Ignores every update. */
    TrainingProgress NONE = (fraction, detail) -> { };

    /**
     * @param fraction share of the work done, from 0 to 1, never decreasing
     * @param detail   what is being done, for example {@code "fold 3/16 xgboost"}
     */
    void update(double fraction, String detail);
}
