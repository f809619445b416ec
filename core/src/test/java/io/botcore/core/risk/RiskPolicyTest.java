package io.botcore.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.execution.SymbolRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RiskPolicyTest {

    /** Tick 0.01, step 0.001, minimum quantity 0.001, minimum notional 10. */
    private static final SymbolRules RULES = SymbolRules.of("BTCUSDT", "0.01", "0.001", "0.001", "10");
    private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("30000");

    private static AccountSnapshot flat(String equity) {
        return new AccountSnapshot(new BigDecimal(equity), new BigDecimal(equity), 0, BigDecimal.ZERO);
    }

    private static Instant hours(int h) {
        return MONDAY.plus(Duration.ofHours(h));
    }

    private static RefusalReason refusal(RiskDecision decision) {
        assertThat(decision).isInstanceOf(RiskDecision.Refused.class);
        return ((RiskDecision.Refused) decision).reason();
    }

    @Test
    void sizesAnEntryAsAShareOfEquityRoundedDownToTheStep() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults());

        // 10 % of 10000 = 1000; 1000 / 30000 = 0.0333.. -> 0.033; notional 0.033 * 30000 = 990
        RiskDecision decision = policy.evaluateEntry(MONDAY, RULES, PRICE, flat("10000"));

        assertThat(decision).isEqualTo(new RiskDecision.Approved(new BigDecimal("0.033"), new BigDecimal("990.000")));
    }

    @Test
    void refusesAnEntryWhenTheMaximumOfOpenPositionsIsReached() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults().withMaxOpenPositions(2));
        AccountSnapshot twoOpen = new AccountSnapshot(new BigDecimal("10000"), new BigDecimal("8000"), 2,
                new BigDecimal("2000"));

        RiskDecision decision = policy.evaluateEntry(MONDAY, RULES, PRICE, twoOpen);

        assertThat(refusal(decision)).isEqualTo(RefusalReason.MAX_OPEN_POSITIONS);
        assertThat(((RiskDecision.Refused) decision).detail()).isEqualTo("2 positions open or being entered, max 2");
    }

    @Test
    void shrinksAnEntryToTheExposureRoomAndRefusesWhenNoUsableRoomIsLeft() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults().withMaxExposureFraction(new BigDecimal("0.5")));

        // room 0.5 * 10000 - 4400 = 600 < 1000: 600 / 30000 = 0.02
        AccountSnapshot some = new AccountSnapshot(new BigDecimal("10000"), new BigDecimal("5600"), 1,
                new BigDecimal("4400"));
        assertThat(policy.evaluateEntry(MONDAY, RULES, PRICE, some))
                .isEqualTo(new RiskDecision.Approved(new BigDecimal("0.020"), new BigDecimal("600.000")));

        // room 0.5 * 10000 - 4995 = 5: 5 / 30000 rounds to 0
        AccountSnapshot full = new AccountSnapshot(new BigDecimal("10000"), new BigDecimal("5005"), 1,
                new BigDecimal("4995"));
        assertThat(refusal(policy.evaluateEntry(MONDAY, RULES, PRICE, full))).isEqualTo(RefusalReason.MAX_EXPOSURE);
    }

    @Test
    void keepsACashReserveAndRefusesWhenTheCashLeftIsTooSmall() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults().withPositionFraction(BigDecimal.ONE));

        // all of 10000 wanted, but 10000 / 1.01 = 9900.99 affordable: 0.330 at 30000 = 9900
        assertThat(policy.evaluateEntry(MONDAY, RULES, PRICE, flat("10000")))
                .isEqualTo(new RiskDecision.Approved(new BigDecimal("0.330"), new BigDecimal("9900.000")));

        AccountSnapshot broke = new AccountSnapshot(new BigDecimal("10000"), new BigDecimal("9"), 0,
                new BigDecimal("9991"));
        assertThat(refusal(policy.evaluateEntry(MONDAY, RULES, PRICE, broke))).isEqualTo(RefusalReason.INSUFFICIENT_CASH);
    }

    @Test
    void refusesAPositionSizeBelowTheExchangeMinimum() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults());

        // 10 % of 90 = 9 < min notional 10
        RiskDecision decision = policy.evaluateEntry(MONDAY, RULES, new BigDecimal("3"), flat("90"));

        assertThat(refusal(decision)).isEqualTo(RefusalReason.BELOW_MIN_SIZE);
        assertThat(((RiskDecision.Refused) decision).detail()).isEqualTo("size 9.00 at 3: BTCUSDT notional 9.000 < min notional 10");
    }

    @Test
    void theDailyLossLimitHaltsEntriesForTheRestOfTheUtcDayOnly() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults());
        policy.onEquity(hours(-1), new BigDecimal("10000"));
        policy.onEquity(hours(0), new BigDecimal("9800"));
        assertThat(policy.isHalted(hours(0))).as("-2 %").isFalse();

        // day start equity 10000 (the last seen before the day began); 9500 is -5 %
        policy.onEquity(hours(5), new BigDecimal("9500"));
        policy.onEquity(hours(6), new BigDecimal("9990"));

        RiskDecision late = policy.evaluateEntry(hours(23), RULES, PRICE, flat("9990"));
        assertThat(refusal(late)).as("recovered, but halted all day").isEqualTo(RefusalReason.DAILY_LOSS_LIMIT);
        assertThat(((RiskDecision.Refused) late).detail())
                .isEqualTo("daily loss limit 0.05 of day-start equity 10000 reached on 2024-01-01; "
                        + "entries resume 2024-01-02T00:00Z");
        assertThat(policy.evaluateEntry(hours(24), RULES, PRICE, flat("9990")).isApproved()).isTrue();
    }

    @Test
    void aLossJustUnderTheDailyLimitDoesNotHalt() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults());
        policy.onEquity(hours(0), new BigDecimal("10000"));

        assertThat(policy.evaluateEntry(hours(3), RULES, PRICE, flat("9500.01")).isApproved()).isTrue();
    }

    @Test
    void consecutiveLossesStartACooldownAndAWinResetsTheCount() {
        RiskPolicy policy = new RiskPolicy(RiskConfig.defaults().withCooldown(3, Duration.ofHours(24)));
        BigDecimal loss = new BigDecimal("-1");
        policy.onTradeClosed(hours(1), loss);
        policy.onTradeClosed(hours(2), loss);
        policy.onTradeClosed(hours(3), new BigDecimal("5"));
        policy.onTradeClosed(hours(4), loss);
        policy.onTradeClosed(hours(5), loss);
        assertThat(policy.evaluateEntry(hours(6), RULES, PRICE, flat("10000")).isApproved())
                .as("the win reset the count: only 2 in a row").isTrue();

        policy.onTradeClosed(hours(7), loss);

        assertThat(policy.cooldownUntil()).contains(hours(31));
        assertThat(refusal(policy.evaluateEntry(hours(30), RULES, PRICE, flat("10000")))).isEqualTo(RefusalReason.COOLDOWN);
        assertThat(policy.evaluateEntry(hours(31), RULES, PRICE, flat("10000")).isApproved()).isTrue();
    }

    @Test
    void rejectsLimitsThatCannotBeRight() {
        RiskConfig defaults = RiskConfig.defaults();
        assertThatThrownBy(() -> defaults.withPositionFraction(new BigDecimal("1.5")))
                .hasMessage("positionFraction must be in (0, 1] but is 1.5");
        assertThatThrownBy(() -> defaults.withMaxOpenPositions(0)).hasMessage("maxOpenPositions must be >= 1 but is 0");
        assertThatThrownBy(() -> defaults.withDailyLossLimit(BigDecimal.ONE))
                .hasMessage("dailyLossLimit must be in (0, 1) but is 1");
        assertThatThrownBy(() -> defaults.withCooldown(3, Duration.ofHours(-1)))
                .hasMessage("cooldown must be >= 0 but is PT-1H");
        assertThatThrownBy(() -> defaults.withCashReserve(new BigDecimal("-0.01")))
                .hasMessage("cashReserve must be in [0, 0.5) but is -0.01");
    }
}
