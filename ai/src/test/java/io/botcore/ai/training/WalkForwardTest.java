package io.botcore.ai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.botcore.ai.evaluation.ClassificationMetrics;
import io.botcore.ai.evaluation.Fold;
import io.botcore.ai.evaluation.WalkForwardPlan;
import io.botcore.ai.features.FeatureExtractor;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.labels.Direction;
import io.botcore.ai.labels.LabelSpec;
import io.botcore.ai.labels.Labels;
import io.botcore.ai.model.GradientBoostingSpec;
import io.botcore.ai.model.LogisticRegressionSpec;
import io.botcore.ai.testdata.RecordedData;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A small walk-forward on the first 6,000 real BTCUSDT hours. */
class WalkForwardTest {

    private static CandleSeries candles;
    private static FeatureMatrix features;
    private static Labels labels;
    private static TrainingOptions options;
    private static WalkForwardPlan plan;

    @BeforeAll
    static void prepare() {
        candles = RecordedData.hourly(RecordedData.BTC_1H).slice(0, 6_000);
        features = FeatureExtractor.compute(candles);
        labels = Labels.of(candles, LabelSpec.DEFAULT);
        options = TrainingOptions.defaults(Interval.H1).withWindows(2_000, 0, 1_000, 24)
                .withModels(List.of(LogisticRegressionSpec.DEFAULT,
                        new GradientBoostingSpec(40, 0.1, 3, 20, 0.8, 0.8, 5, 1, 42L)));
        plan = WalkForwardPlan.create(features.firstComplete(), labels.size(), options.minTrainBars(),
                options.trainBars(), options.testBars(), options.embargoBars(), options.label().horizon());
    }

    @Test
    void shouldGiveTheSameResultWhateverTheNumberOfThreads() {
        WalkForwardResult one = WalkForward.run(candles, features, labels, plan, options.withThreads(1),
                TrainingProgress.NONE, 0, 1);
        WalkForwardResult two = WalkForward.run(candles, features, labels, plan, options.withThreads(2),
                TrainingProgress.NONE, 0, 1);

        for (int m = 0; m < 2; m++) {
            assertThat(two.models().get(m).probabilities()).isDeepEqualTo(one.models().get(m).probabilities());
            assertThat(two.models().get(m).trading()).isEqualTo(one.models().get(m).trading());
        }
    }

    @Test
    void shouldScoreTheBaselineWithEachFoldsTrainingFrequencies() {
        WalkForwardResult result = WalkForward.run(candles, features, labels, plan, options, TrainingProgress.NONE,
                0, 1);

        List<Direction> actual = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (Fold fold : plan.folds()) {
            int[] counts = new int[3];
            for (int t = fold.trainFrom(); t < fold.trainTo(); t++) {
                counts[labels.at(t).ordinal()]++;
            }
            double n = fold.trainSize();
            for (int t = fold.testFrom(); t < fold.testTo(); t++) {
                actual.add(labels.at(t));
                expected.add(new double[] {counts[0] / n, counts[1] / n, counts[2] / n});
            }
        }
        ClassificationMetrics baseline = ClassificationMetrics.of(actual.toArray(Direction[]::new),
                expected.toArray(double[][]::new));

        assertThat(result.actual()).containsExactly(actual.toArray(Direction[]::new));
        assertThat(result.baseline().logLoss()).isCloseTo(baseline.logLoss(), within(1e-12));
        assertThat(result.baseline().brier()).isCloseTo(baseline.brier(), within(1e-12));
        assertThat(result.models()).extracting(ModelEvaluation::name).containsExactly("logistic", "xgboost");
        for (ModelEvaluation model : result.models()) {
            assertThat(model.probabilities()).hasNumberOfRows(plan.outOfSampleSize());
            assertThat(model.trading().equity()).hasSize(plan.outOfSampleSize());
        }
        assertThat(result.buyAndHold().totalReturn()).isCloseTo(
                candles.close(plan.outOfSampleTo() - 1) / candles.open(plan.outOfSampleFrom() + 1) * 0.999 * 0.999 - 1,
                within(1e-9));
        assertThat(result.indicators()).hasSize(4);
    }

    @Test
    void shouldRefuseAPlanWhoseTrainingLabelsSeeTheTestWindow() {
        // embargo 2 is enough for 2-bar labels but not for the 4-bar labels given
        WalkForwardPlan unpurged = WalkForwardPlan.create(features.firstComplete(), labels.size(), 2_000, 0, 1_000, 2,
                2);

        assertThatThrownBy(() -> WalkForward.run(candles, features, labels, unpurged, options, TrainingProgress.NONE,
                0, 1)).hasMessageContaining("fold 0 is not purged");
    }

    @Test
    void shouldReportProgressUpToTheEnd() {
        List<Double> fractions = new ArrayList<>();

        WalkForward.run(candles, features, labels, plan, options, (fraction, detail) -> fractions.add(fraction),
                0.2, 0.8);

        assertThat(fractions).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(0.8);
        assertThat(fractions).allSatisfy(f -> assertThat(f).isBetween(0.2, 0.8));
    }
}
