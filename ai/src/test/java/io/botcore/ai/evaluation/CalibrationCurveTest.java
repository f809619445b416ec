package io.botcore.ai.evaluation;

import static io.botcore.ai.labels.Direction.DOWN;
import static io.botcore.ai.labels.Direction.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.botcore.ai.labels.Direction;
import org.junit.jupiter.api.Test;

class CalibrationCurveTest {

    /**
     * Two rows, two bins ([0, .5) and [.5, 1]), six (row, class) predictions:
     * <pre>
     * row 0, actual UP:   DOWN .1 (no), FLAT .2 (no), UP .7 (yes)
     * row 1, actual DOWN: DOWN .6 (yes), FLAT .3 (no), UP .1 (no)
     * bin [0, .5): .1 .2 .3 .1 -> 4 predictions, mean .175, events 0
     * bin [.5, 1]: .7 .6      -> 2 predictions, mean .65, events 2
     * ECE = (4 * .175 + 2 * .35) / 6 = 1.4 / 6
     * </pre>
     */
    @Test
    void shouldPoolEveryClassIntoTheBins() {
        CalibrationCurve curve = CalibrationCurve.of(new Direction[] {UP, DOWN},
                new double[][] {{0.1, 0.2, 0.7}, {0.6, 0.3, 0.1}}, 2);

        assertThat(curve.bins()).hasSize(2);
        CalibrationCurve.Bin low = curve.bins().get(0);
        CalibrationCurve.Bin high = curve.bins().get(1);
        assertThat(low.count()).isEqualTo(4);
        assertThat(low.meanPredicted()).isCloseTo(0.175, within(1e-12));
        assertThat(low.observed()).isEqualTo(0.0);
        assertThat(high.count()).isEqualTo(2);
        assertThat(high.meanPredicted()).isCloseTo(0.65, within(1e-12));
        assertThat(high.observed()).isEqualTo(1.0);
        assertThat(curve.expectedCalibrationError()).isCloseTo(1.4 / 6, within(1e-12));
    }

    @Test
    void shouldPutAProbabilityOfOneInTheLastBinAndSkipEmptyBins() {
        CalibrationCurve curve = CalibrationCurve.of(new Direction[] {UP}, new double[][] {{0, 0, 1}}, 10);

        assertThat(curve.bins()).extracting(CalibrationCurve.Bin::lower).containsExactly(0.0, 0.9);
        assertThat(curve.bins().get(1).observed()).isEqualTo(1.0);
        assertThat(curve.expectedCalibrationError()).isEqualTo(0.0);
    }
}
