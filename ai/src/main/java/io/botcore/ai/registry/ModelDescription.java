package io.botcore.ai.registry;

import io.botcore.ai.features.FeatureDistribution;
import io.botcore.ai.labels.LabelSpec;
import io.botcore.ai.model.ModelKind;
import io.botcore.core.market.Interval;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a trained model is, before the registry gives it a version: family, market, features, labels, the
 * training window and the hyper-parameters and out-of-sample metrics to keep with it.
 *
 * <p>Immutable and thread-safe. The maps hold JSON values only: String, Long (any whole number), Double (any
 * other number; NaN and infinities become null), Boolean, null, List and Map, so that a description read back
 * from JSON equals the one written.
 *
 * @param kind            model family
 * @param symbol          market, for example {@code BTCUSDT}
 * @param interval        candle interval
 * @param featureVersion  version of the feature definitions, for example {@code features-v1}
 * @param features        feature names in column order
 * @param label           how the training rows were labelled
 * @param trainFrom       open time of the first training bar
 * @param trainTo         open time of the last training bar
 * @param trainRows       number of training rows
 * @param hyperParameters every hyper-parameter, seed included
 * @param metrics         evaluation results, usually walk-forward out-of-sample
 * @param trainingDistribution how each feature was distributed over the training rows (drift and explanations),
 *                        or null for a model registered before it was recorded
 */
public record ModelDescription(ModelKind kind, String symbol, Interval interval, String featureVersion,
        List<String> features, LabelSpec label, Instant trainFrom, Instant trainTo, int trainRows,
        Map<String, Object> hyperParameters, Map<String, Object> metrics, FeatureDistribution trainingDistribution) {

    public ModelDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(featureVersion, "featureVersion");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(trainFrom, "trainFrom");
        Objects.requireNonNull(trainTo, "trainTo");
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features must not be empty");
        }
        if (trainTo.isBefore(trainFrom)) {
            throw new IllegalArgumentException("trainTo " + trainTo + " is before trainFrom " + trainFrom);
        }
        if (trainRows < 1) {
            throw new IllegalArgumentException("trainRows must be >= 1 but is " + trainRows);
        }
        hyperParameters = jsonSafe(hyperParameters);
        metrics = jsonSafe(metrics);
        if (trainingDistribution != null && !trainingDistribution.columns().stream()
                .map(FeatureDistribution.Column::feature).toList().equals(features)) {
            throw new IllegalArgumentException("the training distribution's columns are not the features " + features);
        }
    }

    /** A read-only deep copy with whole numbers as Long, other numbers as Double, NaN and infinities as null. */
    static Map<String, Object> jsonSafe(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), jsonSafeValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object jsonSafeValue(Object value) {
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(String.valueOf(key), jsonSafeValue(inner)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list.stream().map(ModelDescription::jsonSafeValue)
                    .collect(Collectors.toList()));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
}
