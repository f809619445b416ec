package io.botcore.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Comparisons of our indicator columns with each other and with ta4j. */
final class IndicatorAssertions {

    /** The agreement the project requires with ta4j after warm-up. */
    static final double RELATIVE = 1e-9;

    private IndicatorAssertions() {
    }

    /** Same length and the same bits at every index (NaN equals NaN). */
    static void assertBitIdentical(double[] streaming, double[] batch) {
        assertThat(streaming).hasSameSizeAs(batch);
        int mismatch = Arrays.mismatch(streaming, batch);
        if (mismatch >= 0) {
            fail("streaming and batch differ first at index %d: %s vs %s", mismatch, streaming[mismatch],
                    batch[mismatch]);
        }
    }

    /** NaN before {@code firstIndex}, a number from there on. */
    static void assertWarmUp(double[] values, int firstIndex) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i]) != (i < firstIndex)) {
                fail("index %d is %s but the first defined index should be %d", i, values[i], firstIndex);
            }
        }
    }

    /**
     * From {@code fromIndex} on, {@code |ours - ta4j| <= 1e-9 * max(|ta4j|, floor)}: relative, except that
     * values below {@code floor} in magnitude (oscillators crossing zero) are held to {@code 1e-9 * floor}
     * absolute. Returns the largest relative difference seen.
     */
    static double assertMatchesTa4j(String label, double[] ours, Indicator<Num> reference, int fromIndex,
            double floor) {
        assertThat(fromIndex).isLessThan(ours.length - 1000);
        double worst = 0;
        for (int i = fromIndex; i < ours.length; i++) {
            double expected = reference.getValue(i).doubleValue();
            double scale = Math.max(Math.abs(expected), floor);
            double difference = Math.abs(ours[i] - expected);
            if (!(difference <= RELATIVE * scale)) {
                fail("%s, index %d: ours %s, ta4j %s, relative difference %s", label, i, ours[i], expected,
                        difference / scale);
            }
            worst = Math.max(worst, difference == 0 ? 0 : difference / scale);
        }
        System.out.printf("%s from index %d: largest relative difference to ta4j %.3g%n", label, fromIndex, worst);
        return worst;
    }
}
