package io.botcore.ai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.botcore.ai.labels.Direction;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Property tests on seeded synthetic rows: the class is decided by the first feature (DOWN below -0.5, UP
 * above 0.5, FLAT between), the other two features are noise.
 */
class ModelTrainerTest {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainerTest.class);
    private static final long SEED = 7L;
    private static final List<String> FEATURES = List.of("signal", "noise_a", "noise_b");
    private static final List<ModelSpec> SPECS = List.of(LogisticRegressionSpec.DEFAULT,
            new GradientBoostingSpec(60, 0.2, 3, 1, 0.8, 0.8, 1, 1, 42L));

    private static double[][] trainRows;
    private static Direction[] trainLabels;
    private static double[][] testRows;
    private static Direction[] testLabels;

    @BeforeAll
    static void makeRows() {
        LOG.info("synthetic rows with seed {}", SEED);
        Random random = new Random(SEED);
        trainRows = new double[3_000][];
        trainLabels = new Direction[3_000];
        testRows = new double[1_000][];
        testLabels = new Direction[1_000];
        fill(random, trainRows, trainLabels);
        fill(random, testRows, testLabels);
    }

    private static void fill(Random random, double[][] rows, Direction[] labels) {
        for (int i = 0; i < rows.length; i++) {
            double x = random.nextGaussian();
            rows[i] = new double[] {x, random.nextGaussian(), random.nextGaussian()};
            labels[i] = x < -0.5 ? Direction.DOWN : x > 0.5 ? Direction.UP : Direction.FLAT;
        }
    }

    @Test
    void shouldLearnTheRuleAndGiveProbabilities() {
        for (ModelSpec spec : SPECS) {
            DirectionModel model = ModelTrainer.train(spec, FEATURES, trainRows, trainLabels);
            double[][] p = model.predict(testRows);
            int correct = 0;
            for (int i = 0; i < p.length; i++) {
                assertThat(p[i]).hasSize(3);
                assertThat(p[i][0] + p[i][1] + p[i][2]).isCloseTo(1.0, within(1e-6));
                int best = p[i][0] >= p[i][1] && p[i][0] >= p[i][2] ? 0 : p[i][1] >= p[i][2] ? 1 : 2;
                if (best == testLabels[i].ordinal()) {
                    correct++;
                }
            }
            assertThat(correct).as("%s accuracy on held-out rows", spec.kind()).isGreaterThan(900);
            assertThat(model.predict(new double[] {-3, 0, 0})[Direction.DOWN.ordinal()]).isGreaterThan(0.9);
            assertThat(model.predict(new double[] {3, 0, 0})[Direction.UP.ordinal()]).isGreaterThan(0.9);
        }
    }

    @Test
    void shouldTrainTheSameModelFromTheSameSeed() {
        for (ModelSpec spec : SPECS) {
            double[][] first = ModelTrainer.train(spec, FEATURES, trainRows, trainLabels).predict(testRows);
            double[][] second = ModelTrainer.train(spec, FEATURES, trainRows, trainLabels).predict(testRows);

            assertThat(second).as("%s", spec.kind()).isDeepEqualTo(first);
        }
    }

    @Test
    void shouldGiveTheSameTreesWhateverTheNumberOfNativeThreads() {
        GradientBoostingSpec one = new GradientBoostingSpec(60, 0.2, 3, 1, 0.8, 0.8, 1, 1, 42L);
        GradientBoostingSpec two = new GradientBoostingSpec(60, 0.2, 3, 1, 0.8, 0.8, 1, 2, 42L);

        assertThat(ModelTrainer.train(two, FEATURES, trainRows, trainLabels).predict(testRows))
                .isDeepEqualTo(ModelTrainer.train(one, FEATURES, trainRows, trainLabels).predict(testRows));
    }

    @Test
    void shouldPredictTheSameAfterASerialisationRoundTrip() {
        for (ModelSpec spec : SPECS) {
            DirectionModel model = ModelTrainer.train(spec, FEATURES, trainRows, trainLabels);

            DirectionModel read = DirectionModel.fromBytes(spec.kind(), FEATURES, model.toBytes());

            assertThat(read.kind()).isEqualTo(spec.kind());
            assertThat(read.features()).isEqualTo(FEATURES);
            assertThat(read.predict(testRows)).isDeepEqualTo(model.predict(testRows));
        }
    }

    @Test
    void shouldGiveZeroToAClassTheTrainingRowsNeverShowed() {
        Direction[] upOrDown = new Direction[trainLabels.length];
        for (int i = 0; i < upOrDown.length; i++) {
            upOrDown[i] = trainRows[i][0] < 0 ? Direction.DOWN : Direction.UP;
        }
        for (ModelSpec spec : SPECS) {
            double[] p = ModelTrainer.train(spec, FEATURES, trainRows, upOrDown).predict(testRows[0]);

            assertThat(p[Direction.FLAT.ordinal()]).isEqualTo(0.0);
            assertThat(p[0] + p[2]).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void shouldRefuseBadInput() {
        assertThatThrownBy(() -> ModelTrainer.train(LogisticRegressionSpec.DEFAULT, FEATURES,
                new double[][] {{1, Double.NaN, 0}}, new Direction[] {Direction.UP}))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> ModelTrainer.train(LogisticRegressionSpec.DEFAULT, FEATURES,
                new double[][] {{1, 2}}, new Direction[] {Direction.UP}))
                .hasMessageContaining("expected 3");
        assertThatThrownBy(() -> DirectionModel.fromBytes(ModelKind.GRADIENT_BOOSTED_TREES, FEATURES,
                new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        DirectionModel model = ModelTrainer.train(LogisticRegressionSpec.DEFAULT, FEATURES, trainRows, trainLabels);
        assertThatThrownBy(() -> DirectionModel.fromBytes(ModelKind.LOGISTIC_REGRESSION, List.of("other"),
                model.toBytes()))
                .hasMessageContaining("was not trained on feature 'other'");
        assertThatThrownBy(() -> model.predict(new double[] {1, 2}))
                .hasMessageContaining("takes 3 features");
    }
}
