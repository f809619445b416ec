package io.botcore.core.execution;

import static io.botcore.core.execution.ExecutionFixtures.BTC;
import static io.botcore.core.execution.ExecutionFixtures.RULES;
import static io.botcore.core.execution.ExecutionFixtures.bar;
import static io.botcore.core.execution.ExecutionFixtures.dec;
import static io.botcore.core.execution.ExecutionFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.market.Candle;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FillModelTest {

    /** Defaults: 0.1 % fees, 2 bps spread, 1 bps slippage, impact 0.1, 10 % of bar volume. */
    private static final FillModel MODEL = new FillModel(FillModelConfig.defaults());
    /** open 100, high 110, low 90, close 105, volume 100. */
    private static final Candle BAR = bar(0, 100, 110, 90, 105, 100);

    private static Order open(OrderRequest request) {
        return Order.pending(request).accepted();
    }

    @Test
    void takerPriceAddsHalfSpreadSlippageAndImpactProportionalToTheShareOfBarVolume() {
        // q = 1 of V = 100: participation 0.01
        // a = 2/20000 + 1/10000 + 0.1 * 0.01 = 0.0001 + 0.0001 + 0.001 = 0.0012
        // buy 100 * 1.0012 = 100.12; sell 100 * 0.9988 = 99.88
        assertThat(MODEL.takerPrice(OrderSide.BUY, dec("100"), dec("1"), dec("100"), RULES))
                .isEqualByComparingTo("100.12");
        assertThat(MODEL.takerPrice(OrderSide.SELL, dec("100"), dec("1"), dec("100"), RULES))
                .isEqualByComparingTo("99.88");
        // q = 5 of V = 100: a = 0.0002 + 0.1 * 0.05 = 0.0052 -> buy 100.52: impact grows with quantity
        assertThat(MODEL.takerPrice(OrderSide.BUY, dec("100"), dec("5"), dec("100"), RULES))
                .isEqualByComparingTo("100.52");
    }

    @Test
    void takerPriceRoundsToTheTickAgainstTheTrader() {
        FillModel fixedOnly = new FillModel(FillModelConfig.defaults().withImpactCoefficient(BigDecimal.ZERO));
        // a = 0.0002; 123.45 * 1.0002 = 123.47469 -> up to 123.48; 123.45 * 0.9998 = 123.42531 -> down to 123.42
        assertThat(fixedOnly.takerPrice(OrderSide.BUY, dec("123.45"), dec("1"), dec("100"), RULES))
                .isEqualByComparingTo("123.48");
        assertThat(fixedOnly.takerPrice(OrderSide.SELL, dec("123.45"), dec("1"), dec("100"), RULES))
                .isEqualByComparingTo("123.42");
    }

    @Test
    void aBarWithoutVolumeCountsAsFullParticipation() {
        // a = 0.0002 + 0.1 * 1 = 0.1002 -> 100 * 1.1002 = 110.02
        assertThat(MODEL.takerPrice(OrderSide.BUY, dec("100"), dec("1"), BigDecimal.ZERO, RULES))
                .isEqualByComparingTo("110.02");
    }

    @Test
    void executionChargesTheTakerFeeOnTheFillNotional() {
        Trigger atOpen = MODEL.trigger(open(OrderRequest.market(id("m"), BTC, OrderSide.BUY, dec("1"))), BAR)
                .orElseThrow();
        Execution execution = MODEL.execute(OrderSide.BUY, atOpen, dec("1"), dec("100"), RULES);

        assertThat(atOpen).isEqualTo(new Trigger(BarPhase.OPEN, BigDecimal.valueOf(100.0), Liquidity.TAKER));
        assertThat(execution.price()).isEqualByComparingTo("100.12");
        // 100.12 * 1 * 0.001 = 0.10012
        assertThat(execution.fee()).isEqualByComparingTo("0.10012");
        assertThat(execution.cost()).isEqualByComparingTo("100.22012");
    }

    @Test
    void aStopTriggersOnATouchAtItsPriceOrAtTheOpenWhenTheOpenGappedThroughIt() {
        Order sellStopAt95 = open(OrderRequest.stopMarket(id("s"), BTC, OrderSide.SELL, dec("1"), dec("95")));

        assertThat(MODEL.trigger(sellStopAt95, bar(0, 100, 101, 95, 96, 10)))
                .contains(new Trigger(BarPhase.STOP, dec("95"), Liquidity.TAKER));
        assertThat(MODEL.trigger(sellStopAt95, bar(0, 93, 97, 92, 96, 10)))
                .as("gap through the stop: the open, not the stop")
                .contains(new Trigger(BarPhase.OPEN, BigDecimal.valueOf(93.0), Liquidity.TAKER));
        assertThat(MODEL.trigger(sellStopAt95, bar(0, 100, 101, 95.01, 96, 10))).isEmpty();

        Order buyStopAt105 = open(OrderRequest.stopMarket(id("b"), BTC, OrderSide.BUY, dec("1"), dec("105")));
        assertThat(MODEL.trigger(buyStopAt105, BAR)).contains(new Trigger(BarPhase.STOP, dec("105"), Liquidity.TAKER));
        assertThat(MODEL.trigger(buyStopAt105.triggeredNow(), bar(1, 106, 107, 100, 101, 10)))
                .as("a triggered stop still filling executes at the open")
                .contains(new Trigger(BarPhase.OPEN, BigDecimal.valueOf(106.0), Liquidity.TAKER));
    }

    @Test
    void aLimitFillsOnlyWhenTradedThroughAndNeverBetterThanItsPrice() {
        Order sellAt110 = open(OrderRequest.limit(id("l"), BTC, OrderSide.SELL, dec("1"), dec("110")));

        assertThat(MODEL.trigger(sellAt110, BAR)).as("a touch of the high does not fill").isEmpty();
        assertThat(MODEL.trigger(sellAt110, bar(0, 100, 110.01, 90, 105, 10)))
                .contains(new Trigger(BarPhase.LIMIT, dec("110"), Liquidity.MAKER));
        assertThat(MODEL.trigger(sellAt110, bar(0, 115, 116, 114, 115, 10)))
                .as("gapped above: still at the limit")
                .contains(new Trigger(BarPhase.OPEN, dec("110"), Liquidity.MAKER));

        Order buyAt90 = open(OrderRequest.limit(id("b"), BTC, OrderSide.BUY, dec("1"), dec("90")));
        assertThat(MODEL.trigger(buyAt90, BAR)).isEmpty();
        assertThat(MODEL.trigger(buyAt90, bar(0, 100, 110, 89.99, 105, 10)))
                .contains(new Trigger(BarPhase.LIMIT, dec("90"), Liquidity.MAKER));
        Execution maker = MODEL.execute(OrderSide.BUY, new Trigger(BarPhase.LIMIT, dec("90"), Liquidity.MAKER),
                dec("2"), dec("10"), RULES);
        assertThat(maker.price()).as("no spread, slippage or impact for a maker").isEqualByComparingTo("90");
        assertThat(maker.fee()).isEqualByComparingTo("0.18");
    }

    @Test
    void volumeCapIsTheConfiguredShareOfTheBarRoundedDownToTheStep() {
        // 10 % of 12.345678 = 1.2345678 -> 1.234 with step 0.001
        assertThat(MODEL.volumeCap(bar(0, 100, 100, 100, 100, 12.345678), RULES)).isEqualByComparingTo("1.234");
    }

    @Test
    void anExitPlacedInsideTheBarOnlyChecksItsStopAgainstTheExtremeNotTheOpen() {
        Order stop = open(OrderRequest.stopMarket(id("s"), BTC, OrderSide.SELL, dec("1"), dec("98")));
        Order takeProfit = open(OrderRequest.limit(id("t"), BTC, OrderSide.SELL, dec("1"), dec("101")));
        Candle openedBelowTheStop = bar(0, 95, 102, 94, 96, 10);

        assertThat(MODEL.triggerAfterEntryInside(stop, openedBelowTheStop))
                .contains(new Trigger(BarPhase.STOP, dec("98"), Liquidity.TAKER));
        assertThat(MODEL.triggerAfterEntryInside(takeProfit, openedBelowTheStop)).isEmpty();
        assertThat(MODEL.triggerAfterEntryInside(stop, bar(0, 99, 102, 98.5, 100, 10))).isEmpty();
    }
}
