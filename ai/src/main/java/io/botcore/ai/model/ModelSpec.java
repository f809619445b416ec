package io.botcore.ai.model;

import java.util.Map;

/**
 * What to train: a model family with every hyper-parameter, including the random seed, fixed. Training the
 * same spec on the same rows gives the same model.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public sealed interface ModelSpec permits LogisticRegressionSpec, GradientBoostingSpec {

    /** The model family. */
    ModelKind kind();

    /** Seed of every random choice the trainer makes. */
    long seed();

    /** Every hyper-parameter by its snake_case name, in a stable order, as stored in model metadata. */
    Map<String, Object> hyperParameters();
}
