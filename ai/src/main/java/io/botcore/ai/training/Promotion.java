package io.botcore.ai.training;

/**
 * Whether a training run makes one of its models the registry's active model.
 *
 * <p>Immutable and thread-safe.
 */
public enum Promotion {
    /** Register the models, promote none. */
    NEVER,
    /**
     * Promote the model with the lowest out-of-sample log loss, if that log loss is below the constant-class
     * baseline's; otherwise promote none and say so.
     */
    BEST_IF_BETTER_THAN_BASELINE
}
