package io.botcore.ai.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void shouldSayPlainlyWhenTheModelIsNotBetter() {
        Verdict verdict = new Verdict("xgboost", 1.1, 1.09, 0.67, 0.66, -0.5, 0.2, "rsi", -0.1);

        assertThat(verdict.beatsBaselineOnLogLoss()).isFalse();
        assertThat(verdict.beatsBaselineOnBrier()).isFalse();
        assertThat(verdict.beatsBuyAndHold()).isFalse();
        assertThat(verdict.beatsBestIndicator()).isFalse();
        assertThat(verdict.text()).isEqualTo("xgboost is NOT better than the constant-class baseline on log loss "
                + "(1.10000 vs 1.09000). It is NOT better than the baseline on Brier score (0.67000 vs 0.66000). "
                + "Its strategy did NOT beat buy-and-hold (-50.00 % vs +20.00 %) and did NOT beat the best "
                + "single-indicator strategy, rsi (-10.00 %).");
    }

    @Test
    void shouldSayWhenTheModelIsBetter() {
        Verdict verdict = new Verdict("logistic", 1.05, 1.09, 0.63, 0.66, 0.3, 0.2, "macd", 0.1);

        assertThat(verdict.beatsBaselineOnLogLoss()).isTrue();
        assertThat(verdict.beatsBaselineOnBrier()).isTrue();
        assertThat(verdict.beatsBuyAndHold()).isTrue();
        assertThat(verdict.beatsBestIndicator()).isTrue();
        assertThat(verdict.text()).startsWith("logistic is better than the constant-class baseline on log loss")
                .contains("Its strategy beat buy-and-hold (+30.00 % vs +20.00 %) and beat the best");
    }

    @Test
    void shouldNotCallATieBetter() {
        Verdict verdict = new Verdict("logistic", 1.09, 1.09, 0.66, 0.66, 0.2, 0.2, "macd", 0.2);

        assertThat(verdict.beatsBaselineOnLogLoss()).isFalse();
        assertThat(verdict.beatsBaselineOnBrier()).isFalse();
        assertThat(verdict.beatsBuyAndHold()).isFalse();
        assertThat(verdict.beatsBestIndicator()).isFalse();
    }
}
