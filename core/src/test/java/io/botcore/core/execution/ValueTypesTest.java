package io.botcore.core.execution;

import static io.botcore.core.execution.ExecutionFixtures.BTC;
import static io.botcore.core.execution.ExecutionFixtures.dec;
import static io.botcore.core.execution.ExecutionFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.strategy.Side;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void clientOrderIdsFollowBinanceSyntax() {
        assertThat(ClientOrderId.of("bt-1.a:b/c_d").value()).isEqualTo("bt-1.a:b/c_d");
        assertThatThrownBy(() -> ClientOrderId.of("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderId.of("x".repeat(37))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderId.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientOrderId.of("x".repeat(36))).isNotNull();
    }

    @Test
    void orderSideComesFromABuyOrSellSignalOnly() {
        assertThat(OrderSide.of(Side.BUY)).isEqualTo(OrderSide.BUY);
        assertThat(OrderSide.of(Side.SELL)).isEqualTo(OrderSide.SELL);
        assertThat(OrderSide.BUY.opposite()).isEqualTo(OrderSide.SELL);
        assertThatThrownBy(() -> OrderSide.of(Side.HOLD)).hasMessage("a hold signal asks for no order");
    }

    @Test
    void orderRequestsCarryExactlyThePricesTheirTypeNeeds() {
        assertThatThrownBy(() -> new OrderRequest(id("a"), BTC, OrderSide.BUY, OrderType.LIMIT, dec("1"), null,
                null, null, ExitBracket.NONE, null)).hasMessage("LIMIT order needs limitPrice");
        assertThatThrownBy(() -> new OrderRequest(id("a"), BTC, OrderSide.BUY, OrderType.MARKET, dec("1"),
                dec("100"), null, null, ExitBracket.NONE, null)).hasMessage("MARKET order cannot have limitPrice");
        assertThatThrownBy(() -> OrderRequest.market(id("a"), BTC, OrderSide.BUY, dec("0")))
                .hasMessage("quantity must be > 0 but is 0");
        assertThatThrownBy(() -> OrderRequest.market(id("a"), BTC, OrderSide.SELL, dec("1"))
                .withTrailingDistance(dec("0.1"))).hasMessage("trailingDistance is for STOP_MARKET orders, not MARKET");
        assertThatThrownBy(() -> OrderRequest.market(id("a"), BTC, OrderSide.SELL, dec("1"))
                .withExitReason(ExitReason.SIGNAL).withBracket(ExitBracket.NONE.withStopLoss(dec("0.1"))))
                .hasMessage("an order closing a position (SIGNAL) cannot carry an exit bracket");
        assertThatThrownBy(() -> OrderRequest.market(id("x".repeat(34)), BTC, OrderSide.BUY, dec("1"))
                .withBracket(ExitBracket.NONE.withStopLoss(dec("0.1"))))
                .hasMessageStartingWith("an order with an exit bracket needs a client order id of at most 33");
    }

    @Test
    void exitBracketDistancesAreFractionsBetweenZeroAndOne() {
        assertThatThrownBy(() -> ExitBracket.NONE.withStopLoss(dec("1"))).hasMessage("stopLoss must be in (0, 1) but is 1");
        assertThatThrownBy(() -> ExitBracket.NONE.withTakeProfit(dec("0"))).hasMessage("takeProfit must be in (0, 1) but is 0");
        assertThat(ExitBracket.NONE.isEmpty()).isTrue();
        assertThat(ExitBracket.NONE.withTrailingStop(dec("0.05")).hasStop()).isTrue();
        assertThat(ExitBracket.NONE.withTakeProfit(dec("0.05")).hasStop()).isFalse();
    }

    @Test
    void feeScheduleDefaultsToBinanceSpotTenthOfAPercent() {
        FeeSchedule fees = FeeSchedule.binanceSpot();

        assertThat(fees.fee(dec("1000"), Liquidity.TAKER)).isEqualByComparingTo("1");
        assertThat(fees.fee(dec("1000"), Liquidity.MAKER)).isEqualByComparingTo("1");
        assertThatThrownBy(() -> new FeeSchedule(dec("0.1"), dec("0"))).hasMessage("makerRate must be < 0.1 but is 0.1");
    }
}
