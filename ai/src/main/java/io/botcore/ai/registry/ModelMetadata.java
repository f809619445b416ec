package io.botcore.ai.registry;

import io.botcore.ai.features.FeatureDistribution;
import io.botcore.ai.labels.LabelSpec;
import io.botcore.ai.model.ModelKind;
import io.botcore.core.market.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registered model's {@code metadata.json}: its {@link ModelDescription} plus the version the registry gave
 * it, when it was registered, and the SHA-256 of its model file. The same fields, snake_case, are the document
 * of the model in the MongoDB collection {@code models}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version     registry version, for example {@code v0003}
 * @param description what the model is
 * @param createdAt   when it was registered
 * @param modelFile   name of the model file inside the version folder
 * @param sha256      lowercase hex SHA-256 of the model file's bytes
 */
public record ModelMetadata(String version, ModelDescription description, Instant createdAt, String modelFile,
        String sha256) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ModelMetadata {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modelFile, "modelFile");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits but is " + sha256);
        }
    }

    /** The metadata as an ordered map of JSON values, snake_case keys. */
    public Map<String, Object> toMap() {
        ModelDescription d = description;
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("horizon", d.label().horizon());
        label.put("flat_threshold", d.label().flatThreshold());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", d.trainFrom().toString());
        window.put("to", d.trainTo().toString());
        window.put("rows", d.trainRows());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", version);
        map.put("kind", d.kind().code());
        map.put("symbol", d.symbol());
        map.put("interval", d.interval().code());
        map.put("feature_version", d.featureVersion());
        map.put("features", d.features());
        map.put("label", label);
        map.put("training_window", window);
        map.put("hyper_parameters", d.hyperParameters());
        map.put("metrics", d.metrics());
        if (d.trainingDistribution() != null) {
            map.put("training_distribution", d.trainingDistribution().toMap());
        }
        map.put("created_at", createdAt.toString());
        map.put("model_file", modelFile);
        map.put("sha256", sha256);
        return map;
    }

    /** The metadata as indented JSON. */
    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toMap());
    }

    /**
     * Parses {@link #toJson()}'s output.
     *
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static ModelMetadata fromJson(String json) {
        JsonNode root = JSON.readTree(json);
        JsonNode label = required(root, "label");
        JsonNode window = required(root, "training_window");
        List<String> features = new ArrayList<>();
        required(root, "features").forEach(node -> features.add(node.asString()));
        ModelDescription description = new ModelDescription(ModelKind.fromCode(text(root, "kind")),
                text(root, "symbol"), Interval.fromCode(text(root, "interval")), text(root, "feature_version"),
                features, new LabelSpec(required(label, "horizon").asInt(),
                        required(label, "flat_threshold").asDouble()),
                Instant.parse(text(window, "from")), Instant.parse(text(window, "to")),
                required(window, "rows").asInt(), toMap(required(root, "hyper_parameters")),
                toMap(required(root, "metrics")), distribution(root.get("training_distribution")));
        return new ModelMetadata(text(root, "version"), description, Instant.parse(text(root, "created_at")),
                text(root, "model_file"), text(root, "sha256"));
    }

    @SuppressWarnings("unchecked") // a JSON object converts to a map of JSON values
    private static Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, LinkedHashMap.class);
    }

    private static FeatureDistribution distribution(JsonNode node) {
        return node == null || node.isNull() ? null : FeatureDistribution.fromMap(toMap(node));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("model metadata has no '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asString();
    }
}
