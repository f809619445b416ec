package io.botcore.core.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonteCarloDrawdownsTest {

    /**
     * Trades +10 %, -10 %, -10 % have three distinct orders. Gain first: 1.1, 0.99, 0.891, drawdown 1 - 0.891 / 1.1
     * = 0.19. Gain in the middle: 0.9, 0.99, 0.891, peak is the start, drawdown 0.109. Gain last: 0.9, 0.81, 0.891,
     * drawdown 0.19. So a third of reshuffles give 0.109 and two thirds 0.19.
     */
    @Test
    void shouldFindOnlyTheDrawdownsThatTheOrdersCanGive() {
        MonteCarloDrawdowns mc = MonteCarloDrawdowns.of(new double[] {0.10, -0.10, -0.10}, 3000, 1);

        assertThat(mc.observed()).isCloseTo(0.19, within(1e-12));
        assertThat(mc.p5()).isCloseTo(0.109, within(1e-12));
        assertThat(mc.p50()).isCloseTo(0.19, within(1e-12));
        assertThat(mc.worst()).isCloseTo(0.19, within(1e-12));
        assertThat(MonteCarloDrawdowns.of(new double[] {0.10, -0.10, -0.10}, 3000, 1)).isEqualTo(mc);
    }

    @Test
    void shouldInterpolatePercentilesBetweenRanks() {
        double[] sorted = {0.1, 0.2, 0.3, 0.4, 0.5};

        assertThat(MonteCarloDrawdowns.percentile(sorted, 0.5)).isCloseTo(0.3, within(1e-15));
        assertThat(MonteCarloDrawdowns.percentile(sorted, 0.95)).isCloseTo(0.48, within(1e-15));
        assertThat(MonteCarloDrawdowns.percentile(sorted, 0.05)).isCloseTo(0.12, within(1e-15));
        assertThat(MonteCarloDrawdowns.maxDrawdown(new double[] {0.5, -0.5, 0.2})).isCloseTo(0.5, within(1e-15));
        assertThatThrownBy(() -> MonteCarloDrawdowns.of(new double[] {-1}, 10, 1)).hasMessageContaining("> -1");
    }
}
