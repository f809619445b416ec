package io.botcore.ai.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multinomial logistic regression trained by mini-batch stochastic gradient descent with AdaGrad on the
 * log-multiclass (softmax cross-entropy) loss, after standardising each feature to mean 0 and standard
 * deviation 1 over the training rows (Tribuo {@code LinearSGDTrainer} inside a {@code TransformTrainer}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param epochs       passes over the training rows, {@code >= 1}
 * @param learningRate AdaGrad's initial learning rate, {@code > 0}
 * @param epsilon      AdaGrad's epsilon, {@code > 0}
 * @param minibatch    rows per gradient step, {@code >= 1}
 * @param seed         seed of the row shuffling
 */
public record LogisticRegressionSpec(int epochs, double learningRate, double epsilon, int minibatch, long seed)
        implements ModelSpec {

    /** 10 epochs, learning rate 0.05, epsilon 1e-6, mini-batches of 64, seed 42. */
    public static final LogisticRegressionSpec DEFAULT = new LogisticRegressionSpec(10, 0.05, 1e-6, 64, 42L);

    public LogisticRegressionSpec {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1 but is " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0 but is " + learningRate);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0 but is " + epsilon);
        }
        if (minibatch < 1) {
            throw new IllegalArgumentException("minibatch must be >= 1 but is " + minibatch);
        }
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LOGISTIC_REGRESSION;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epochs", epochs);
        map.put("learning_rate", learningRate);
        map.put("epsilon", epsilon);
        map.put("minibatch", minibatch);
        map.put("optimiser", "adagrad");
        map.put("standardise", "mean_std");
        map.put("seed", seed);
        return map;
    }
}
