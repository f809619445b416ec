package io.botcore.core.execution;

import static io.botcore.core.execution.ExecutionFixtures.RULES;
import static io.botcore.core.execution.ExecutionFixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class SymbolRulesTest {

    @Test
    void roundsPriceToTheNearestTickOrInTheDirectionAsked() {
        assertThat(RULES.roundPrice(dec("100.004"))).isEqualByComparingTo("100.00");
        assertThat(RULES.roundPrice(dec("100.005"))).isEqualByComparingTo("100.01");
        assertThat(RULES.roundPrice(dec("100.001"), RoundingMode.CEILING)).isEqualByComparingTo("100.01");
        assertThat(RULES.roundPrice(dec("100.009"), RoundingMode.FLOOR)).isEqualByComparingTo("100.00");
        assertThat(RULES.roundPrice(dec("100.004")).scale()).as("scale of the tick").isEqualTo(2);
    }

    @Test
    void roundsQuantityDownToTheStepSoAnOrderNeverExceedsItsSize() {
        assertThat(RULES.roundQuantity(dec("0.0129999"))).isEqualByComparingTo("0.012");
        assertThat(RULES.roundQuantity(dec("0.0009"))).isEqualByComparingTo("0");
        assertThat(RULES.roundQuantity(dec("2.5"))).isEqualByComparingTo("2.5");
    }

    @Test
    void checksMinNotionalOnPriceTimesQuantity() {
        // 0.1 * 100 = 10 = min notional: allowed; 0.099 * 100 = 9.9: refused
        assertThat(RULES.checkMinNotional(dec("100"), dec("0.1"))).isEmpty();
        assertThat(RULES.checkMinNotional(dec("100"), dec("0.099"))).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.BELOW_MIN_NOTIONAL);
            assertThat(r.message()).isEqualTo("BTCUSDT notional 9.900 < min notional 10");
        });
    }

    @Test
    void checksQuantityStepAndMinimum() {
        SymbolRules rules = SymbolRules.of("ETHUSDT", "0.01", "0.01", "0.05", "5");

        assertThat(rules.checkQuantity(dec("0.05"))).isEmpty();
        assertThat(rules.checkQuantity(dec("0.055"))).get().extracting(Rejection::reason)
                .isEqualTo(RejectReason.QUANTITY_NOT_ON_STEP);
        assertThat(rules.checkQuantity(dec("0.04"))).get().extracting(Rejection::reason)
                .isEqualTo(RejectReason.BELOW_MIN_QUANTITY);
        assertThat(rules.checkPrice(dec("1.005"))).get().extracting(Rejection::reason)
                .isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(rules.checkPrice(dec("1.01"))).isEmpty();
    }

    @Test
    void rejectsFiltersThatCannotBeRight() {
        assertThatThrownBy(() -> SymbolRules.of("BTCUSDT", "0", "0.001", "0", "0"))
                .hasMessage("tickSize must be > 0 but is 0");
        assertThatThrownBy(() -> SymbolRules.of("BTCUSDT", "0.01", "0.001", "-1", "0"))
                .hasMessage("minQuantity must be >= 0 but is -1");
        assertThatThrownBy(() -> SymbolRules.of("btcusdt", "0.01", "0.001", "0", "0"))
                .hasMessage("symbol must be 2 to 20 upper-case letters or digits but is 'btcusdt'");
    }
}
