package io.botcore.ai.model;

import com.google.protobuf.InvalidProtocolBufferException;
import io.botcore.ai.labels.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * A trained classifier of {@link Direction}s: feature rows in, class probabilities out, each array indexed by
 * {@link Direction#ordinal()} and summing to 1. A class the training rows never showed gets probability 0.
 *
 * <p>Serialised as Tribuo's protobuf model ({@link #toBytes()}), never with Java serialisation; the feature
 * names travel beside it, in the model's metadata.
 *
 * <p>Immutable; {@link #predict(double[][])} may be called from several threads.
 */
public final class DirectionModel {

    private final ModelKind kind;
    private final List<String> features;
    private final String[] featureArray;
    private final Model<Label> model;

    DirectionModel(ModelKind kind, List<String> features, Model<Label> model) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.features = List.copyOf(features);
        this.featureArray = this.features.toArray(String[]::new);
        this.model = Objects.requireNonNull(model, "model");
        ImmutableFeatureMap known = model.getFeatureIDMap();
        for (String feature : this.features) {
            if (known.get(feature) == null) {
                throw new IllegalArgumentException("the model was not trained on feature '" + feature + "'");
            }
        }
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("the model does not give probabilities");
        }
    }

    /**
     * Reads a model written by {@link #toBytes()}.
     *
     * @param features the feature names in the column order of the rows it will be given
     * @throws IllegalArgumentException if the bytes are not a Tribuo classification model giving probabilities
     *                                  over these features
     */
    public static DirectionModel fromBytes(ModelKind kind, List<String> features, byte[] bytes) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a serialised Tribuo model: " + e.getMessage(), e);
        }
        Model<?> model = Model.deserialize(proto);
        if (!model.validate(Label.class)) {
            throw new IllegalArgumentException("the serialised model is not a classification model");
        }
        @SuppressWarnings("unchecked") // checked by validate(Label.class) above
        Model<Label> labelModel = (Model<Label>) model;
        return new DirectionModel(kind, features, labelModel);
    }

    /** The model family. */
    public ModelKind kind() {
        return kind;
    }

    /** Feature names, in the column order of the rows {@link #predict(double[][])} takes. */
    public List<String> features() {
        return features;
    }

    /** Class probabilities of one row. */
    public double[] predict(double[] row) {
        return predict(new double[][] {row})[0];
    }

    /** Class probabilities of each row, in {@link Direction} order. */
    public double[][] predict(double[][] rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            if (row.length != featureArray.length) {
                throw new IllegalArgumentException("a row has " + row.length + " values but the model takes "
                        + featureArray.length + " features");
            }
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureArray, row));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = probabilities(predictions.get(i).getOutputScores());
        }
        return out;
    }

    private static double[] probabilities(Map<String, Label> scores) {
        double[] p = new double[Direction.count()];
        double sum = 0;
        for (Direction direction : Direction.values()) {
            Label label = scores.get(direction.name());
            double score = label == null ? 0 : label.getScore();
            p[direction.ordinal()] = score;
            sum += score;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The model as Tribuo's protobuf bytes. */
    public byte[] toBytes() {
        return model.serialize().toByteArray();
    }
}
