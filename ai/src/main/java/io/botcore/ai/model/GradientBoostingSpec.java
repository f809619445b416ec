package io.botcore.ai.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosted trees trained by XGBoost ({@code multi:softprob}, histogram tree method) through Tribuo.
 * The defaults are deliberately shallow and strongly regularised: hourly returns are mostly noise.
 *
 * <p>Immutable and thread-safe.
 *
 * @param trees            boosting rounds, {@code >= 1}
 * @param eta              learning rate (shrinkage), in (0, 1]
 * @param maxDepth         depth of each tree, {@code >= 1}
 * @param minChildWeight   smallest hessian sum in a leaf, {@code >= 0}
 * @param subsample        fraction of rows sampled per tree, in (0, 1]
 * @param featureSubsample fraction of features sampled per tree, in (0, 1]
 * @param lambda           L2 penalty on leaf weights, {@code >= 0}
 * @param threads          native (OpenMP) threads, {@code >= 1}; the model does not depend on it
 * @param seed             seed of the row and feature sampling
 */
public record GradientBoostingSpec(int trees, double eta, int maxDepth, double minChildWeight, double subsample,
        double featureSubsample, double lambda, int threads, long seed) implements ModelSpec {

    /**
     * 150 trees, eta 0.05, depth 3, min child weight 50, row and feature subsampling 0.8, lambda 10, one native
     * thread (OpenMP threads spin while they wait: on a busy two-core machine, two of them took 30 s where one
     * took 2 s), seed 42.
     */
    public static final GradientBoostingSpec DEFAULT = new GradientBoostingSpec(150, 0.05, 3, 50, 0.8, 0.8, 10, 1,
            42L);

    public GradientBoostingSpec {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be >= 1 but is " + trees);
        }
        if (!(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must be in (0, 1] but is " + eta);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1 but is " + maxDepth);
        }
        if (!(minChildWeight >= 0) || !Double.isFinite(minChildWeight)) {
            throw new IllegalArgumentException("minChildWeight must be finite and >= 0 but is " + minChildWeight);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1] but is " + subsample);
        }
        if (!(featureSubsample > 0 && featureSubsample <= 1)) {
            throw new IllegalArgumentException("featureSubsample must be in (0, 1] but is " + featureSubsample);
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0 but is " + lambda);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but is " + threads);
        }
    }

    @Override
    public ModelKind kind() {
        return ModelKind.GRADIENT_BOOSTED_TREES;
    }

    @Override
    public Map<String, Object> hyperParameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trees", trees);
        map.put("eta", eta);
        map.put("max_depth", maxDepth);
        map.put("min_child_weight", minChildWeight);
        map.put("subsample", subsample);
        map.put("feature_subsample", featureSubsample);
        map.put("lambda", lambda);
        map.put("tree_method", "hist");
        map.put("objective", "multi:softprob");
        map.put("threads", threads);
        map.put("seed", seed);
        return map;
    }
}
