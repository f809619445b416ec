package io.botcore.ai.model;

import io.botcore.ai.labels.Direction;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Trains a {@link DirectionModel} from a {@link ModelSpec} and labelled feature rows. A fresh Tribuo trainer is
 * made for every call, so the result depends only on the spec (seed included) and the rows, never on how many
 * models were trained before.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
    private static final LabelFactory LABELS = new LabelFactory();
    /** Creation time of the data source in the model's provenance: the rows come from candles, not a dated file. */
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int NO_LOGGING = -1;
    /**
     * Tribuo logs every training run at INFO through java.util.logging (named in full beside slf4j's Logger);
     * only its warnings are kept. Held here because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private ModelTrainer() {
    }

    /**
     * Trains on {@code rows} (one array per row, columns named by {@code features}) and their {@code labels}.
     *
     * @throws IllegalArgumentException if the sizes disagree, there are no rows, or a value is not finite
     */
    public static DirectionModel train(ModelSpec spec, List<String> features, double[][] rows, Direction[] labels) {
        Objects.requireNonNull(spec, "spec");
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        String[] names = features.toArray(String[]::new);
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("bot-core feature rows", EPOCH, LABELS), LABELS);
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row.length != names.length) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " values, expected "
                        + names.length);
            }
            for (double value : row) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("row " + i + " has a value that is not finite: " + value);
                }
            }
            dataset.add(new ArrayExample<>(new Label(labels[i].name()), names, row));
        }
        LOG.debug("training {} on {} rows with seed {}", spec.kind().code(), rows.length, spec.seed());
        Model<Label> model = trainer(spec).train(dataset);
        return new DirectionModel(spec.kind(), features, model);
    }

    private static Trainer<Label> trainer(ModelSpec spec) {
        if (spec instanceof LogisticRegressionSpec lr) {
            LinearSGDTrainer linear = new LinearSGDTrainer(new LogMulticlass(),
                    new AdaGrad(lr.learningRate(), lr.epsilon()), lr.epochs(), NO_LOGGING, lr.minibatch(), lr.seed());
            return new TransformTrainer<>(linear,
                    new TransformationMap(List.of(new MeanStdDevTransformation())), true);
        }
        GradientBoostingSpec gb = (GradientBoostingSpec) spec;
        return new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST,
                gb.trees(), gb.eta(), 0, gb.maxDepth(), gb.minChildWeight(), gb.subsample(), gb.featureSubsample(),
                gb.lambda(), 0, gb.threads(), XGBoostTrainer.LoggingVerbosity.SILENT, gb.seed());
    }
}
