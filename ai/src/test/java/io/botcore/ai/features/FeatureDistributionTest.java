package io.botcore.ai.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureDistributionTest {

    /** Column 0 is 0..99, column 1 is 0 for half the rows and 1 for the other half. */
    private static double[][] rows() {
        double[][] rows = new double[100][];
        for (int i = 0; i < 100; i++) {
            rows[i] = new double[] {i, i < 50 ? 0 : 1};
        }
        return rows;
    }

    @Test
    void shouldCutDecilesAndCountTheTrainingRowsInEachBin() {
        FeatureDistribution d = FeatureDistribution.of(List.of("x", "flag"), rows());
        FeatureDistribution.Column x = d.columns().get(0);

        assertThat(x.edges()).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0);
        // (-inf, 10] holds 0..10, the middle bins ten values each, (90, inf) holds 91..99
        assertThat(x.fractions()).containsExactly(0.11, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.09);
        assertThat(x.median()).isEqualTo(49.5);
        FeatureDistribution.Column flag = d.columns().get(1);
        assertThat(flag.edges()).containsExactly(0.0);
        assertThat(flag.fractions()).containsExactly(0.5, 0.5);
    }

    @Test
    void shouldGiveZeroPsiForTheTrainingDataAndTheTextbookValueForAShift() {
        FeatureDistribution d = FeatureDistribution.of(List.of("x", "flag"), rows());
        double[] flags = new double[100];
        for (int i = 0; i < 100; i++) {
            flags[i] = i < 50 ? 0 : 1;
        }
        assertThat(d.psi(1, flags)).isEqualTo(0.0);

        double[] shifted = new double[100];
        for (int i = 0; i < 100; i++) {
            shifted[i] = i < 80 ? 0 : 1;
        }
        // (0.8 - 0.5) ln(0.8 / 0.5) + (0.2 - 0.5) ln(0.2 / 0.5)
        assertThat(d.psi(1, shifted)).isCloseTo(0.3 * Math.log(1.6) - 0.3 * Math.log(0.4), within(1e-12));
    }

    @Test
    void shouldFloorAnEmptyBinSoThePsiStaysFinite() {
        FeatureDistribution d = FeatureDistribution.of(List.of("x", "flag"), rows());

        double psi = d.psi(1, new double[] {1, 1, 1, 1});

        assertThat(psi).isCloseTo((1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2), within(1e-12));
    }

    @Test
    void shouldSurviveAJsonRoundTrip() {
        FeatureDistribution d = FeatureDistribution.of(List.of("x", "flag"), rows());

        assertThat(FeatureDistribution.fromMap(d.toMap())).isEqualTo(d);
    }
}
