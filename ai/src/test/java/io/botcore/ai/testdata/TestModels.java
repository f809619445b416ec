package io.botcore.ai.testdata;

import io.botcore.ai.features.FeatureDistribution;
import io.botcore.ai.features.FeatureExtractor;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.labels.LabelSpec;
import io.botcore.ai.labels.Labels;
import io.botcore.ai.model.DirectionModel;
import io.botcore.ai.model.LogisticRegressionSpec;
import io.botcore.ai.model.ModelTrainer;
import io.botcore.ai.registry.ModelDescription;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** A logistic model trained on the first 3,000 real BTCUSDT hours, registered the way a training run does. */
public final class TestModels {

    /** Bars the test model was trained on: [firstComplete, TRAIN_END). */
    public static final int TRAIN_END = 3_000;
    /** Signal threshold stored with the test model. */
    public static final double SIGNAL_THRESHOLD = 0.05;

    private TestModels() {
    }

    /** Trains, registers and promotes the model; returns its metadata. */
    public static ModelMetadata registerAndPromote(ModelRegistry registry) throws IOException {
        CandleSeries candles = RecordedData.hourly(RecordedData.BTC_1H).slice(0, TRAIN_END + 10);
        FeatureMatrix features = FeatureExtractor.compute(candles);
        double[][] rows = features.rows(features.firstComplete(), TRAIN_END);
        DirectionModel model = ModelTrainer.train(LogisticRegressionSpec.DEFAULT, FeatureMatrix.columnNames(), rows,
                Labels.of(candles, LabelSpec.DEFAULT).range(features.firstComplete(), TRAIN_END));
        ModelDescription description = new ModelDescription(model.kind(), "BTCUSDT", Interval.H1,
                FeatureExtractor.VERSION, FeatureMatrix.columnNames(), LabelSpec.DEFAULT,
                Instant.ofEpochMilli(candles.openTime(features.firstComplete())),
                Instant.ofEpochMilli(candles.openTime(TRAIN_END - 1)), rows.length,
                LogisticRegressionSpec.DEFAULT.hyperParameters(),
                Map.of("log_loss", 1.05, "strategy", Map.of("signal_threshold", SIGNAL_THRESHOLD)),
                FeatureDistribution.of(FeatureMatrix.columnNames(), rows));
        ModelMetadata metadata = registry.register(model, description);
        registry.promote(metadata.version());
        return metadata;
    }
}
