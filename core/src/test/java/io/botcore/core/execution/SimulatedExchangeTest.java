package io.botcore.core.execution;

import static io.botcore.core.execution.ExecutionFixtures.BTC;
import static io.botcore.core.execution.ExecutionFixtures.RULES;
import static io.botcore.core.execution.ExecutionFixtures.at;
import static io.botcore.core.execution.ExecutionFixtures.bar;
import static io.botcore.core.execution.ExecutionFixtures.dec;
import static io.botcore.core.execution.ExecutionFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedExchangeTest {

    /** 0.1 % fees, 10 bps slippage (a = 0.001), no spread or impact, the whole bar volume. */
    private static final FillModelConfig TEN_BPS = FillModelConfig.frictionless()
            .withFees(FeeSchedule.binanceSpot()).withSpreadAndSlippage(BigDecimal.ZERO, dec("10"));

    private static SimulatedExchange exchange(FillModelConfig config, String cash) {
        SimulatedExchange exchange = new SimulatedExchange(List.of(RULES), new FillModel(config), dec(cash));
        exchange.onBar(BTC, bar(0, 100, 101, 99, 100, 1000));
        return exchange;
    }

    private static OrderRequest buy(String orderId, String quantity) {
        return OrderRequest.market(id(orderId), BTC, OrderSide.BUY, dec(quantity));
    }

    private static ExitBracket bracket(String stopLoss, String takeProfit, String trailing) {
        return new ExitBracket(stopLoss == null ? null : dec(stopLoss), takeProfit == null ? null : dec(takeProfit),
                trailing == null ? null : dec(trailing));
    }

    @Test
    void aMarketOrderPlacedAfterABarFillsAtTheNextBarsOpenWithCostsAndFee() {
        SimulatedExchange exchange = exchange(TEN_BPS, "10000");

        Order placed = exchange.submit(buy("b-1", "1"));
        List<Fill> fills = exchange.onBar(BTC, bar(1, 102, 103, 101, 102.5, 1000));

        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        // 102 * 1.001 = 102.102 -> rounded up to the tick 102.11; fee 102.11 * 0.001 = 0.10211
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.time()).isEqualTo(at(1));
            assertThat(fill.price()).isEqualByComparingTo("102.11");
            assertThat(fill.fee()).isEqualByComparingTo("0.10211");
            assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(fill.exitReason()).isNull();
        });
        // 10000 - 102.11 - 0.10211 = 9897.78789
        assertThat(exchange.cash()).isEqualByComparingTo("9897.78789");
        assertThat(exchange.balance(BTC)).isEqualByComparingTo("1");
        assertThat(exchange.order(id("b-1")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void rejectsOrdersThatBreakTheSymbolsFiltersAndSaysWhy() {
        SimulatedExchange exchange = exchange(TEN_BPS, "10000");

        assertThat(exchange.submit(buy("a", "0.0015")).rejection().reason()).isEqualTo(RejectReason.QUANTITY_NOT_ON_STEP);
        // 0.099 at the last close 100 = 9.9 < 10
        assertThat(exchange.submit(buy("b", "0.099")).rejection().reason()).isEqualTo(RejectReason.BELOW_MIN_NOTIONAL);
        assertThat(exchange.submit(OrderRequest.limit(id("c"), BTC, OrderSide.BUY, dec("1"), dec("99.999")))
                .rejection().reason()).isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(exchange.submit(OrderRequest.market(id("d"), Symbol.of("ETHUSDT"), OrderSide.BUY, dec("1")))
                .rejection().reason()).isEqualTo(RejectReason.UNKNOWN_SYMBOL);
        assertThat(exchange.submit(buy("b", "0.1")).rejection().reason()).as("id b was used by the rejected order")
                .isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(exchange.openOrders(BTC)).isEmpty();

        SimulatedExchange fresh = new SimulatedExchange(List.of(RULES), new FillModel(TEN_BPS), dec("100"));
        assertThat(fresh.submit(buy("e", "1")).rejection().reason()).isEqualTo(RejectReason.NO_MARKET_PRICE);
    }

    @Test
    void placingTheSameRequestTwicePlacesItOnce() {
        SimulatedExchange exchange = exchange(TEN_BPS, "10000");

        Order first = exchange.submit(buy("b-1", "1"));
        Order again = exchange.submit(buy("b-1", "1"));

        assertThat(again).isEqualTo(first);
        assertThat(exchange.openOrders(BTC)).hasSize(1);
        assertThat(exchange.onBar(BTC, bar(1, 100, 100, 100, 100, 1000))).hasSize(1);
    }

    @Test
    void whenStopLossAndTakeProfitAreBothTouchedInOneBarTheStopFills() {
        SimulatedExchange exchange = exchange(FillModelConfig.frictionless(), "10000");
        exchange.submit(buy("e-1", "1").withBracket(bracket("0.05", "0.05", null)));
        exchange.onBar(BTC, bar(1, 100, 104, 99, 101, 1000));
        // entry at 100: stop 95, take-profit 105

        List<Fill> fills = exchange.onBar(BTC, bar(2, 100, 106, 94, 100, 1000));

        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.orderId()).isEqualTo(id("e-1-sl"));
            assertThat(fill.price()).isEqualByComparingTo("95");
            assertThat(fill.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        });
        assertThat(exchange.order(id("e-1-tp")).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(exchange.openOrders(BTC)).isEmpty();
    }

    @Test
    void aTakeProfitAloneFillsAtItsLimitAndCancelsTheStop() {
        SimulatedExchange exchange = exchange(FillModelConfig.frictionless(), "10000");
        exchange.submit(buy("e-1", "1").withBracket(bracket("0.05", "0.05", null)));
        exchange.onBar(BTC, bar(1, 100, 104, 99, 101, 1000));

        List<Fill> fills = exchange.onBar(BTC, bar(2, 101, 107, 100, 106, 1000));

        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualByComparingTo("105");
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(fill.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        });
        assertThat(exchange.order(id("e-1-sl")).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aGapThroughTheStopFillsAtTheOpenNotAtTheStop() {
        SimulatedExchange exchange = exchange(FillModelConfig.frictionless(), "10000");
        exchange.submit(buy("e-1", "1").withBracket(bracket("0.05", null, null)));
        exchange.onBar(BTC, bar(1, 100, 104, 99, 101, 1000));

        List<Fill> fills = exchange.onBar(BTC, bar(2, 90, 92, 89, 91, 1000));

        assertThat(fills).singleElement().extracting(Fill::price).satisfies(p -> assertThat(p).isEqualByComparingTo("90"));
    }

    @Test
    void exitsOfAnEntryFilledAtTheOpenAreCheckedAgainstTheRestOfThatBar() {
        SimulatedExchange exchange = exchange(FillModelConfig.frictionless(), "10000");
        exchange.submit(buy("e-1", "1").withBracket(bracket("0.05", "0.05", null)));

        List<Fill> fills = exchange.onBar(BTC, bar(1, 100, 103, 94, 96, 1000));

        assertThat(fills).extracting(Fill::orderId).containsExactly(id("e-1"), id("e-1-sl"));
        assertThat(fills.get(1).price()).isEqualByComparingTo("95");
    }

    @Test
    void anEntryFilledInsideTheBarChecksOnlyItsStopOnThatBar() {
        // buy limit 99, stop 2 %: 99 * 0.98 = 97.02; take-profit 2 %: 99 * 1.02 = 100.98
        SimulatedExchange reachesStop = exchange(FillModelConfig.frictionless(), "10000");
        reachesStop.submit(OrderRequest.limit(id("e-1"), BTC, OrderSide.BUY, dec("1"), dec("99"))
                .withBracket(bracket("0.02", "0.02", null)));
        List<Fill> fills = reachesStop.onBar(BTC, bar(1, 100, 102, 96, 101, 1000));

        assertThat(fills).extracting(Fill::orderId).containsExactly(id("e-1"), id("e-1-sl"));
        assertThat(fills.get(1).price()).isEqualByComparingTo("97.02");

        SimulatedExchange reachesTakeProfit = exchange(FillModelConfig.frictionless(), "10000");
        reachesTakeProfit.submit(OrderRequest.limit(id("e-1"), BTC, OrderSide.BUY, dec("1"), dec("99"))
                .withBracket(bracket("0.02", "0.02", null)));
        assertThat(reachesTakeProfit.onBar(BTC, bar(1, 100, 102, 98.5, 101, 1000))).extracting(Fill::orderId)
                .as("the high may have come before the entry").containsExactly(id("e-1"));
        assertThat(reachesTakeProfit.openOrders(BTC)).extracting(Order::id).containsExactly(id("e-1-sl"), id("e-1-tp"));
    }

    @Test
    void aTrailingStopFollowsTheHighAfterEachBarAndSaysItTrailed() {
        SimulatedExchange exchange = exchange(FillModelConfig.frictionless(), "10000");
        // stop-loss 5 % -> 95; trailing 10 % -> 90 at entry; the stop starts at the higher, 95
        exchange.submit(buy("e-1", "1").withBracket(bracket("0.05", null, "0.10")));
        exchange.onBar(BTC, bar(1, 100, 120, 96, 115, 1000));
        // after bar 1: best 120, trailing stop 108 > 95
        assertThat(exchange.order(id("e-1-sl")).orElseThrow().stopPrice()).isEqualByComparingTo("108");

        exchange.onBar(BTC, bar(2, 115, 118, 109, 110, 1000));
        assertThat(exchange.order(id("e-1-sl")).orElseThrow().stopPrice()).as("118 < 120: unchanged")
                .isEqualByComparingTo("108");

        List<Fill> fills = exchange.onBar(BTC, bar(3, 110, 111, 105, 106, 1000));
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualByComparingTo("108");
            assertThat(fill.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
        });
    }

    @Test
    void aStopThatHasNotTrailedYetIsAStopLoss() {
        SimulatedExchange exchange = exchange(FillModelConfig.frictionless(), "10000");
        exchange.submit(buy("e-1", "1").withBracket(bracket("0.05", null, "0.10")));
        exchange.onBar(BTC, bar(1, 100, 104, 96, 101, 1000));
        // best 104 -> trailing 93.6 < 95: the stop stays at the stop-loss

        List<Fill> fills = exchange.onBar(BTC, bar(2, 100, 101, 94, 95, 1000));

        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualByComparingTo("95");
            assertThat(fill.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        });
    }

    @Test
    void anOrderLargerThanTheBarVolumeShareFillsOverSeveralBarsAndItsExitsGrowWithIt() {
        SimulatedExchange exchange = exchange(FillModelConfig.frictionless().withMaxVolumeShare(dec("0.1")), "10000");
        exchange.submit(buy("e-1", "0.8").withBracket(bracket("0.5", null, null)));

        // volume 5: at most 0.5 in this bar
        List<Fill> first = exchange.onBar(BTC, bar(1, 100, 101, 99, 100, 5));
        assertThat(first).singleElement().extracting(Fill::quantity)
                .satisfies(q -> assertThat(q).isEqualByComparingTo("0.5"));
        assertThat(exchange.order(id("e-1")).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(exchange.order(id("e-1-sl")).orElseThrow().request().quantity()).isEqualByComparingTo("0.5");

        List<Fill> second = exchange.onBar(BTC, bar(2, 101, 102, 100, 101, 5));
        assertThat(second).singleElement().satisfies(fill -> {
            assertThat(fill.quantity()).isEqualByComparingTo("0.3");
            assertThat(fill.price()).isEqualByComparingTo("101");
        });
        assertThat(exchange.order(id("e-1")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(exchange.order(id("e-1-sl")).orElseThrow().request().quantity()).isEqualByComparingTo("0.8");
        assertThat(exchange.balance(BTC)).isEqualByComparingTo("0.8");
    }

    @Test
    void aBuyThatCannotBePaidForExpiresWithoutAFill() {
        SimulatedExchange exchange = exchange(TEN_BPS, "100");
        exchange.submit(buy("b-1", "0.99"));

        // 0.99 * 101.11 (101 * 1.001 rounded up) = 100.0989 > 100
        assertThat(exchange.onBar(BTC, bar(1, 101, 102, 100, 101, 1000))).isEmpty();
        Order order = exchange.order(id("b-1")).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        assertThat(exchange.cash()).isEqualByComparingTo("100");
    }

    @Test
    void aSellOfMoreThanIsHeldExpiresBecauseSpotCannotShort() {
        SimulatedExchange exchange = exchange(TEN_BPS, "1000");
        exchange.submit(OrderRequest.market(id("s-1"), BTC, OrderSide.SELL, dec("1")));

        assertThat(exchange.onBar(BTC, bar(1, 101, 102, 100, 101, 1000))).isEmpty();
        assertThat(exchange.order(id("s-1")).orElseThrow().rejection().reason())
                .isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
    }

    @Test
    void aCancelledOrderNeverFills() {
        SimulatedExchange exchange = exchange(TEN_BPS, "10000");
        exchange.submit(buy("b-1", "1"));

        assertThat(exchange.cancel(id("b-1"))).get().extracting(Order::status).isEqualTo(OrderStatus.CANCELED);
        assertThat(exchange.onBar(BTC, bar(1, 101, 102, 100, 101, 1000))).isEmpty();
        assertThat(exchange.cancel(id("b-1"))).get().extracting(Order::status).isEqualTo(OrderStatus.CANCELED);
        assertThat(exchange.cancel(id("unknown"))).isEmpty();
    }

    @Test
    void settlingAtTheCloseFillsOpenMarketOrdersInFullAtTheClose() {
        SimulatedExchange exchange = exchange(TEN_BPS.withMaxVolumeShare(dec("0.01")), "10000");
        exchange.submit(buy("b-1", "2"));

        // close 100 * 1.001 = 100.1 for all 2, though 1 % of the volume 10 would be 0.1
        List<Fill> fills = exchange.settleAtClose(BTC, bar(0, 100, 101, 99, 100, 10));

        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.quantity()).isEqualByComparingTo("2");
            assertThat(fill.price()).isEqualByComparingTo("100.1");
        });
    }

    @Test
    void listenersHearEachFillBeforeTheOrderUpdateItCauses() {
        SimulatedExchange exchange = exchange(TEN_BPS, "10000");
        List<String> heard = new ArrayList<>();
        exchange.addListener(new ExecutionListener() {
            @Override
            public void onFill(Fill fill) {
                heard.add("fill " + fill.orderId());
            }

            @Override
            public void onOrderUpdate(Order order) {
                heard.add(order.id() + " " + order.status());
            }
        });

        exchange.submit(buy("b-1", "1"));
        exchange.onBar(BTC, bar(1, 101, 102, 100, 101, 1000));

        assertThat(heard).containsExactly("b-1 NEW", "fill b-1", "b-1 FILLED");
    }
}
