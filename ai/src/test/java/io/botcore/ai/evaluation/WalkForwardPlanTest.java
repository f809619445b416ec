package io.botcore.ai.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardPlanTest {

    @Test
    void shouldNeverOverlapAndAlwaysPurge() {
        int[][] cases = {
            // first, end, minTrain, trainBars, test, embargo, horizon
            {33, 43_799, 8_760, 0, 2_184, 24, 4},
            {33, 43_799, 8_760, 8_760, 2_184, 24, 4},
            {0, 1_000, 100, 0, 50, 4, 4},
            {10, 1_000, 100, 150, 77, 9, 8},
            {0, 230, 100, 0, 100, 10, 1},
        };
        for (int[] c : cases) {
            WalkForwardPlan plan = WalkForwardPlan.create(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
            List<Fold> folds = plan.folds();
            int horizon = c[6];
            for (int i = 0; i < folds.size(); i++) {
                Fold f = folds.get(i);
                assertThat(f.index()).isEqualTo(i);
                assertThat(f.trainFrom()).isGreaterThanOrEqualTo(c[0]);
                assertThat(f.trainTo()).isLessThanOrEqualTo(f.testFrom());
                assertThat(f.embargo()).isEqualTo(c[5]).isGreaterThanOrEqualTo(horizon);
                // the last training label looks at close[trainTo - 1 + horizon], before the test window
                assertThat(f.trainTo() - 1 + horizon).isLessThan(f.testFrom());
                if (c[3] > 0) {
                    assertThat(f.trainSize()).isLessThanOrEqualTo(c[3]);
                } else {
                    assertThat(f.trainFrom()).isEqualTo(c[0]);
                }
                if (i > 0) {
                    Fold previous = folds.get(i - 1);
                    // test windows are consecutive and disjoint
                    assertThat(f.testFrom()).isEqualTo(previous.testTo());
                    assertThat(f.trainTo()).isGreaterThan(previous.trainTo());
                }
                for (Fold other : folds) {
                    if (other != f) {
                        assertThat(other.testTo() <= f.testFrom() || other.testFrom() >= f.testTo())
                                .as("test windows %s and %s overlap", f, other).isTrue();
                    }
                }
            }
            assertThat(plan.outOfSampleFrom()).isEqualTo(c[0] + c[2] + c[5]);
            assertThat(plan.outOfSampleTo()).isEqualTo(c[1]);
            assertThat(folds.stream().mapToInt(Fold::testSize).sum()).isEqualTo(plan.outOfSampleSize());
        }
    }

    @Test
    void shouldGiveTheLastWindowWhatIsLeft() {
        // bars 0..1000: test from 110; windows of 200: 110-310-510-710, then 290 left (< 300) -> one window
        WalkForwardPlan plan = WalkForwardPlan.create(0, 1_000, 100, 0, 200, 10, 5);

        assertThat(plan.folds()).extracting(Fold::testFrom).containsExactly(110, 310, 510, 710);
        assertThat(plan.folds()).extracting(Fold::testTo).containsExactly(310, 510, 710, 1_000);
        assertThat(plan.folds()).extracting(Fold::trainTo).containsExactly(100, 300, 500, 700);
    }

    @Test
    void shouldRollTheTrainingWindow() {
        WalkForwardPlan plan = WalkForwardPlan.create(0, 1_000, 100, 150, 200, 10, 5);

        assertThat(plan.folds()).extracting(Fold::trainFrom).containsExactly(0, 150, 350, 550);
        assertThat(plan.folds()).extracting(Fold::trainSize).containsExactly(100, 150, 150, 150);
    }

    @Test
    void shouldRefuseAnEmbargoShorterThanTheHorizonOrTooFewBars() {
        assertThatThrownBy(() -> WalkForwardPlan.create(0, 1_000, 100, 0, 200, 3, 4))
                .hasMessageContaining("embargo 3 must be >= the label horizon 4");
        assertThatThrownBy(() -> WalkForwardPlan.create(0, 300, 100, 0, 200, 10, 4))
                .hasMessageContaining("too few");
        assertThatThrownBy(() -> WalkForwardPlan.create(0, 1_000, 100, 50, 200, 10, 4))
                .hasMessageContaining("rolling");
    }
}
