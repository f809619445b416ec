package io.botcore.ai.evaluation;

import static io.botcore.ai.labels.Direction.DOWN;
import static io.botcore.ai.labels.Direction.FLAT;
import static io.botcore.ai.labels.Direction.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.botcore.ai.labels.Direction;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final double TOLERANCE = 1e-12;

    /**
     * Four rows, probabilities in (DOWN, FLAT, UP) order. Worked by hand:
     * <pre>
     * row actual  p(DOWN, FLAT, UP)  predicted            p(actual)  Brier terms
     * 0   UP      0.2 0.2 0.6        UP   (right)         0.6        .04 + .04 + .16 = .24
     * 1   DOWN    0.5 0.3 0.2        DOWN (right)         0.5        .25 + .09 + .04 = .38
     * 2   FLAT    0.1 0.3 0.6        UP   (wrong)         0.3        .01 + .49 + .36 = .86
     * 3   UP      0.4 0.4 0.2        DOWN (tie -> lowest) 0.2        .16 + .16 + .64 = .96
     * </pre>
     * accuracy 2/4; precision DOWN 1/2, FLAT none predicted, UP 1/2; recall DOWN 1/1, FLAT 0/1, UP 1/2;
     * log loss (ln(1/.6) + ln(1/.5) + ln(1/.3) + ln(1/.2)) / 4 = 1.004345880271493; Brier 2.44 / 4 = 0.61.
     * AUC DOWN: the one DOWN row (.5) beats .2, .1, .4: 3/3 = 1. AUC FLAT: .3 against .2, .3, .4 = 1 + .5 + 0
     * over 3 = .5. AUC UP: {.6, .2} against {.2, .6}: 1 + .5 + .5 + 0 over 4 = .5. Macro (1 + .5 + .5) / 3.
     */
    @Test
    void shouldMatchTheHandWorkedExample() {
        Direction[] actual = {UP, DOWN, FLAT, UP};
        double[][] p = {{0.2, 0.2, 0.6}, {0.5, 0.3, 0.2}, {0.1, 0.3, 0.6}, {0.4, 0.4, 0.2}};

        ClassificationMetrics m = ClassificationMetrics.of(actual, p);

        assertThat(m.rows()).isEqualTo(4);
        assertThat(m.classCounts()).containsExactly(1, 1, 2);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.precision()[DOWN.ordinal()]).isEqualTo(0.5);
        assertThat(m.precision()[FLAT.ordinal()]).isNaN();
        assertThat(m.precision()[UP.ordinal()]).isEqualTo(0.5);
        assertThat(m.recall()).containsExactly(1.0, 0.0, 0.5);
        assertThat(m.logLoss()).isCloseTo(1.004345880271493, within(TOLERANCE));
        assertThat(m.brier()).isCloseTo(0.61, within(TOLERANCE));
        assertThat(m.auc()).containsExactly(1.0, 0.5, 0.5);
        assertThat(m.aucMacro()).isCloseTo(2.0 / 3, within(TOLERANCE));
    }

    @Test
    void shouldScoreAPerfectForecastAsZeroLossAndAConfidentMissAsTheClip() {
        ClassificationMetrics perfect = ClassificationMetrics.of(new Direction[] {UP, DOWN},
                new double[][] {{0, 0, 1}, {1, 0, 0}});
        ClassificationMetrics miss = ClassificationMetrics.of(new Direction[] {UP}, new double[][] {{1, 0, 0}});

        assertThat(perfect.logLoss()).isEqualTo(0.0);
        assertThat(perfect.brier()).isEqualTo(0.0);
        assertThat(perfect.accuracy()).isEqualTo(1.0);
        // -ln(1e-15)
        assertThat(miss.logLoss()).isCloseTo(34.538776394910684, within(1e-9));
        // (1 - 0)^2 + 0 + (0 - 1)^2
        assertThat(miss.brier()).isEqualTo(2.0);
    }

    @Test
    void shouldLeaveTheAucOfAnAbsentClassOutOfTheMacroAverage() {
        // no FLAT row: AUC FLAT undefined. DOWN scores: DOWN row .7 vs UP row .1 -> 1. UP: .8 vs .2 -> 1.
        ClassificationMetrics m = ClassificationMetrics.of(new Direction[] {DOWN, UP},
                new double[][] {{0.7, 0.1, 0.2}, {0.1, 0.1, 0.8}});

        assertThat(m.auc()[FLAT.ordinal()]).isNaN();
        assertThat(m.recall()[FLAT.ordinal()]).isNaN();
        assertThat(m.aucMacro()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveTheConstantForecastAnAucOfOneHalf() {
        double[] constant = {0.3, 0.3, 0.4};
        ClassificationMetrics m = ClassificationMetrics.of(new Direction[] {DOWN, FLAT, UP, UP},
                new double[][] {constant, constant, constant, constant});

        assertThat(m.auc()).containsExactly(0.5, 0.5, 0.5);
        // Brier of a constant p against frequencies (1/4, 1/4, 1/2):
        // DOWN row: .49 + .09 + .16 = .74; FLAT row: .09 + .49 + .16 = .74; UP rows: .09 + .09 + .36 = .54
        assertThat(m.brier()).isCloseTo((0.74 + 0.74 + 0.54 + 0.54) / 4, within(TOLERANCE));
    }

    @Test
    void shouldRejectRowsThatAreNotProbabilities() {
        assertThatThrownBy(() -> ClassificationMetrics.of(new Direction[] {UP}, new double[][] {{0.5, 0.5, 0.5}}))
                .hasMessageContaining("sums to");
        assertThatThrownBy(() -> ClassificationMetrics.of(new Direction[] {UP}, new double[][] {{0.5, 0.5}}))
                .hasMessageContaining("expected 3");
        assertThatThrownBy(() -> ClassificationMetrics.of(new Direction[] {UP, DOWN}, new double[][] {{0, 0, 1}}))
                .hasMessageContaining("2 actual classes but 1 predictions");
        assertThatThrownBy(() -> ClassificationMetrics.of(new Direction[0], new double[0][]))
                .hasMessageContaining("no rows");
    }
}
