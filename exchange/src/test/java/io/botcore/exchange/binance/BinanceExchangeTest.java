package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.execution.ClientOrderId;
import io.botcore.core.execution.ExecutionListener;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.Liquidity;
import io.botcore.core.execution.Order;
import io.botcore.core.execution.OrderRequest;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.OrderStatus;
import io.botcore.core.execution.RejectReason;
import io.botcore.core.execution.Symbol;
import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.RateLimitedException;
import io.botcore.exchange.fake.FakeBinanceServer;
import io.botcore.exchange.fake.FakeSpot;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live adapter against the fake Binance: REST, user-data stream, faults, clock skew. */
class BinanceExchangeTest {

    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    private static final BigDecimal RECORDED = RecordedPrices.btcClose("2024-01-01T00:00:00Z");
    private static final FakeBinanceServer.Fault UNAVAILABLE = new FakeBinanceServer.Fault(503,
            "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}", Map.of());

    private final MutableClock exchangeClock = new MutableClock();
    private final FakeBinanceServer fake = FakeBinanceServer.start(0, exchangeClock);
    private final FakeSpot spot = fake.spot().credentials("key", "secret").deposit("USDT", "1000")
            .price("BTCUSDT", RECORDED);
    private final List<Fill> fills = new CopyOnWriteArrayList<>();
    private final List<Order> updates = new CopyOnWriteArrayList<>();
    private BinanceExchange exchange;

    @AfterEach
    void stop() {
        if (exchange != null) {
            exchange.close();
        }
        fake.close();
    }

    private BinanceExchange connect(URI streams, Duration timeout) {
        BinanceTradingClient client = new BinanceTradingClient(fake.baseUrl(), new BinanceCredentials("key", "secret"),
                timeout, Duration.ofMillis(1000), RequestWeightBudget.standard(), Clock.systemUTC());
        exchange = BinanceExchange.connect(client, List.of(BTCUSDT), new BinanceExchange.Settings(streams,
                Duration.ofMillis(100), Duration.ofMillis(100), 3, new BigDecimal("0.00000001"), Duration.ofMinutes(30),
                d -> Thread.sleep(d.toMillis())), Clock.systemUTC());
        exchange.addListener(new ExecutionListener() {
            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }

            @Override
            public void onOrderUpdate(Order order) {
                updates.add(order);
            }
        });
        return exchange;
    }

    private BinanceExchange connectWithStream() {
        connect(fake.streams().baseUrl(), Duration.ofSeconds(2));
        Eventually.await("user-data stream connected", Duration.ofSeconds(5),
                () -> exchange.userStreamConnected() && fake.streams().userDataConnections() == 1);
        return exchange;
    }

    private static OrderRequest buy(String id, String quantity) {
        return OrderRequest.market(ClientOrderId.of(id), BTCUSDT, OrderSide.BUY, new BigDecimal(quantity));
    }

    @Test
    void shouldFillAMarketOrderAtTheRecordedPriceAndReportTheFillOnce() throws Exception {
        connectWithStream();

        Order order = exchange.submit(buy("bot1-1", "0.001"));

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.averagePrice()).isEqualByComparingTo(RECORDED);
        Eventually.await("the stream's report of the order", Duration.ofSeconds(5),
                () -> updates.stream().filter(o -> o.status() == OrderStatus.FILLED).count() >= 1);
        Thread.sleep(200);
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo(RECORDED);
            assertThat(f.quantity()).isEqualByComparingTo("0.001");
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        });
        assertThat(exchange.submit(buy("bot1-1", "0.001"))).as("same request again: nothing sent").isEqualTo(order);
        assertThat(spot.acceptedOrders()).isEqualTo(1);
        assertThat(exchange.reconcile().differences()).isEmpty();
    }

    @Test
    void shouldReportPartialFillsAsTheyArriveOnTheUserDataStream() {
        connectWithStream();
        OrderRequest limit = OrderRequest.limit(ClientOrderId.of("bot1-2"), BTCUSDT, OrderSide.BUY,
                new BigDecimal("0.003"), new BigDecimal("40000.00"));

        assertThat(exchange.submit(limit).status()).isEqualTo(OrderStatus.NEW);
        spot.trade("BTCUSDT", new BigDecimal("39990.00"), new BigDecimal("0.001"));
        Eventually.await("first partial fill", Duration.ofSeconds(5), () -> fills.size() == 1);
        assertThat(exchange.order(limit.id()).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        spot.trade("BTCUSDT", new BigDecimal("39980.00"), new BigDecimal("0.005"));
        Eventually.await("second fill", Duration.ofSeconds(5), () -> fills.size() == 2);

        Order filled = exchange.order(limit.id()).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fills).extracting(Fill::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.001"), new BigDecimal("0.002"));
        assertThat(fills).allSatisfy(f -> {
            assertThat(f.price()).isEqualByComparingTo("40000.00");
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        });
        assertThat(spot.free("USDT")).isEqualByComparingTo("880");
        assertThat(exchange.reconcile().clean()).isTrue();
    }

    @Test
    void shouldRefuseOrdersTheFiltersForbidWithoutSendingThem() {
        connect(null, Duration.ofSeconds(2));
        int requests = fake.requestCount();

        Order offStep = exchange.submit(buy("bot1-3", "0.000015"));
        Order offTick = exchange.submit(OrderRequest.limit(ClientOrderId.of("bot1-4"), BTCUSDT, OrderSide.BUY,
                new BigDecimal("0.001"), new BigDecimal("40000.005")));
        Order tooSmall = exchange.submit(OrderRequest.limit(ClientOrderId.of("bot1-5"), BTCUSDT, OrderSide.BUY,
                new BigDecimal("0.0001"), new BigDecimal("40000.00")));

        assertThat(offStep.rejection().reason()).isEqualTo(RejectReason.QUANTITY_NOT_ON_STEP);
        assertThat(offTick.rejection().reason()).isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(tooSmall.rejection().reason()).isEqualTo(RejectReason.BELOW_MIN_NOTIONAL);
        assertThat(tooSmall.rejection().message()).isEqualTo("BTCUSDT notional 4.000000 < min notional 5");
        assertThat(fake.requestCount()).isEqualTo(requests);
    }

    @Test
    void shouldTurnBinancesRefusalsIntoRejectedOrders() {
        connect(null, Duration.ofSeconds(2));

        Order tooExpensive = exchange.submit(buy("bot1-6", "1"));
        Order belowNotionalAtMarket = exchange.submit(buy("bot1-7", "0.00001"));

        assertThat(tooExpensive.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(tooExpensive.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        assertThat(tooExpensive.rejection().message())
                .isEqualTo("Binance -2010: Account has insufficient balance for requested action.");
        assertThat(belowNotionalAtMarket.rejection().reason()).isEqualTo(RejectReason.BELOW_MIN_NOTIONAL);
        assertThat(belowNotionalAtMarket.rejection().message()).isEqualTo("Binance -1013: Filter failure: NOTIONAL");
        assertThat(spot.acceptedOrders()).isZero();
    }

    @Test
    void shouldAdoptAnOrderWhoseAnswerWasLostInsteadOfPlacingItAgain() {
        connect(null, Duration.ofSeconds(2));
        fake.failNextAfterProcessing("/api/v3/order", UNAVAILABLE, 1);

        Order order = exchange.submit(buy("bot1-8", "0.001"));

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(spot.acceptedOrders()).isEqualTo(1);
        assertThat(fills).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo(RECORDED));
        assertThat(exchange.inDoubt()).isEmpty();
        assertThat(exchange.reconcile().clean()).isTrue();
    }

    @Test
    void shouldFindATimedOutOrderThatBinanceExecutedLateWithoutPlacingItAgain() {
        connect(null, Duration.ofMillis(300));
        fake.delayNext("/api/v3/order", Duration.ofMillis(600), 1);

        Order order = exchange.submit(buy("bot1-9", "0.001"));

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(spot.acceptedOrders()).isEqualTo(1);
        assertThat(fills).hasSize(1);
    }

    @Test
    void shouldSendAgainOnlyAfterTheReceiveWindowHasClosedOnTheLostRequest() throws Exception {
        connect(null, Duration.ofMillis(300));
        fake.delayNext("/api/v3/order", Duration.ofMillis(1600), 1);

        Order order = exchange.submit(buy("bot1-10", "0.001"));
        Thread.sleep(600);

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(spot.acceptedOrders()).as("the late original is refused for its old timestamp").isEqualTo(1);
        assertThat(fills).hasSize(1);
        assertThat(spot.free("BTC")).isEqualByComparingTo("0.001");
    }

    @Test
    void shouldSurfaceRateLimitsAndBansWithoutPlacingAnything() {
        connect(null, Duration.ofSeconds(2));
        fake.failNext("/api/v3/order", new FakeBinanceServer.Fault(429, "{\"code\":-1003,\"msg\":\"Too many "
                + "requests.\"}", Map.of("Retry-After", "2")), 1);

        assertThatThrownBy(() -> exchange.submit(buy("bot1-11", "0.001"))).isInstanceOf(RateLimitedException.class);
        assertThat(exchange.order(ClientOrderId.of("bot1-11"))).isEmpty();
        assertThat(exchange.submit(buy("bot1-11", "0.001")).status()).as("sent again after the wait")
                .isEqualTo(OrderStatus.FILLED);

        fake.fail("/api/v3/order", new FakeBinanceServer.Fault(418, "{\"code\":-1003,\"msg\":\"banned\"}",
                Map.of("Retry-After", "300")));
        assertThatThrownBy(() -> exchange.submit(buy("bot1-12", "0.001"))).isInstanceOf(ExchangeBannedException.class);
        assertThat(spot.acceptedOrders()).isEqualTo(1);
    }

    @Test
    void shouldPlaceOrdersWhenTheExchangeClockJumps() {
        exchangeClock.shift(Duration.ofSeconds(7));
        connect(null, Duration.ofSeconds(2));
        exchangeClock.shift(Duration.ofSeconds(-15));

        Order order = exchange.submit(buy("bot1-13", "0.001"));

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(spot.acceptedOrders()).isEqualTo(1);
    }

    @Test
    void shouldPollForFillsWhileTheUserDataStreamIsDown() {
        connect(null, Duration.ofSeconds(2));
        OrderRequest limit = OrderRequest.limit(ClientOrderId.of("bot1-14"), BTCUSDT, OrderSide.BUY,
                new BigDecimal("0.002"), new BigDecimal("40000.00"));
        exchange.submit(limit);

        spot.trade("BTCUSDT", new BigDecimal("40000.00"), new BigDecimal("0.0015"));

        Eventually.await("the polled fill", Duration.ofSeconds(5), () -> fills.size() == 1);
        assertThat(fills.get(0).quantity()).isEqualByComparingTo("0.0015");
        assertThat(exchange.order(limit.id()).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void shouldCancelAnOpenOrderAndReleaseItsFunds() {
        connectWithStream();
        OrderRequest limit = OrderRequest.limit(ClientOrderId.of("bot1-15"), BTCUSDT, OrderSide.BUY,
                new BigDecimal("0.001"), new BigDecimal("40000.00"));
        exchange.submit(limit);

        Order canceled = exchange.cancel(limit.id()).orElseThrow();

        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(spot.free("USDT")).isEqualByComparingTo("1000");
        assertThat(exchange.openOrders(BTCUSDT)).isEmpty();
        assertThat(exchange.cancel(ClientOrderId.of("never-placed"))).isEmpty();
    }

    @Test
    void shouldReportWhatDiffersFromTheExchange() {
        connect(null, Duration.ofSeconds(2));
        exchange.submit(buy("bot1-16", "0.001"));
        spot.withdraw("USDT", "100");
        BinanceTradingClient elsewhere = new BinanceTradingClient(fake.baseUrl(), new BinanceCredentials("key",
                "secret"), Duration.ofSeconds(2), Duration.ofSeconds(5), RequestWeightBudget.standard(),
                Clock.systemUTC());
        elsewhere.newOrder(new NewOrder("BTCUSDT", "BUY", "LIMIT", "GTC", new BigDecimal("0.001"),
                new BigDecimal("30000.00"), null, "manual-1"));

        Reconciliation result = exchange.reconcile();

        BigDecimal expectedUsdt = new BigDecimal("1000").subtract(RECORDED.multiply(new BigDecimal("0.001")));
        assertThat(result.differences()).containsExactly(
                new Reconciliation.Difference(Reconciliation.Kind.UNKNOWN_OPEN_ORDER, "manual-1", "none",
                        "NEW BUY 0.001 BTCUSDT"),
                new Reconciliation.Difference(Reconciliation.Kind.BALANCE, "USDT", expectedUsdt.setScale(8).toPlainString(),
                        expectedUsdt.subtract(new BigDecimal("100")).setScale(8).toPlainString()));
    }

    @Test
    void shouldFetchAFillTheStreamLostBeforeEndingTheOrder() {
        connectWithStream();
        OrderRequest limit = OrderRequest.limit(ClientOrderId.of("bot1-17"), BTCUSDT, OrderSide.BUY,
                new BigDecimal("0.002"), new BigDecimal("40000.00"));
        exchange.submit(limit);
        spot.loseUserData(true);
        spot.trade("BTCUSDT", new BigDecimal("40000.00"), new BigDecimal("0.0005"));
        spot.loseUserData(false);

        new BinanceTradingClient(fake.baseUrl(), new BinanceCredentials("key", "secret"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), RequestWeightBudget.standard(), Clock.systemUTC()).cancelOrder("BTCUSDT",
                        "bot1-17");

        Eventually.await("the order ended", Duration.ofSeconds(5),
                () -> exchange.order(limit.id()).orElseThrow().status() == OrderStatus.CANCELED);
        assertThat(fills).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualByComparingTo("0.0005"));
        assertThat(exchange.order(limit.id()).orElseThrow().filledQuantity()).isEqualByComparingTo("0.0005");
        assertThat(exchange.reconcile().clean()).isTrue();
    }

    @Test
    void shouldAdoptAfterARestartTheOrderSentBeforeItInsteadOfPlacingItAgain() {
        BinanceTradingClient beforeRestart = new BinanceTradingClient(fake.baseUrl(), new BinanceCredentials("key",
                "secret"), Duration.ofSeconds(2), Duration.ofSeconds(5), RequestWeightBudget.standard(),
                Clock.systemUTC());
        beforeRestart.newOrder(BinanceAdapters.newOrder(buy("bot1-18", "0.001")));
        connect(null, Duration.ofSeconds(2));

        Order sentBefore = exchange.recover(buy("bot1-18", "0.001"));
        Order neverSent = exchange.recover(buy("bot1-19", "0.002"));

        assertThat(sentBefore.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(neverSent.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(neverSent.filledQuantity()).isEqualByComparingTo("0.002");
        assertThat(spot.acceptedOrders()).isEqualTo(2);
        assertThat(exchange.inDoubt()).isEmpty();
    }

    @Test
    void shouldPlaceAStopAsStopLossAndFillItWhenTheMarketReachesIt() {
        spot.deposit("BTC", "0.01");
        connectWithStream();
        OrderRequest stop = OrderRequest.stopMarket(ClientOrderId.of("bot1-20"), BTCUSDT, OrderSide.SELL,
                new BigDecimal("0.005"), new BigDecimal("40000.00"));

        assertThat(exchange.submit(stop).status()).isEqualTo(OrderStatus.NEW);
        spot.trade("BTCUSDT", new BigDecimal("40010.00"), BigDecimal.ONE);
        spot.trade("BTCUSDT", new BigDecimal("39990.00"), BigDecimal.ONE);

        Eventually.await("the stop's fill", Duration.ofSeconds(5), () -> fills.size() == 1);
        assertThat(fills.get(0).price()).isEqualByComparingTo("39990.00");
        assertThat(fills.get(0).liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(spot.free("USDT")).isEqualByComparingTo(new BigDecimal("1000").add(new BigDecimal("199.95")));
    }

    @Test
    void shouldChargeTheCommissionInTheQuoteAssetAndTrackTheBaseAssetItCameFrom() {
        spot.commissionRate("0.001");
        connect(null, Duration.ofSeconds(2));

        exchange.submit(buy("bot1-21", "0.001"));

        BigDecimal commissionInBtc = new BigDecimal("0.000001");
        assertThat(fills).singleElement().satisfies(f -> assertThat(f.fee())
                .isEqualByComparingTo(commissionInBtc.multiply(RECORDED)));
        assertThat(spot.free("BTC")).isEqualByComparingTo(new BigDecimal("0.001").subtract(commissionInBtc));
        assertThat(exchange.reconcile().clean()).as("balances track the commission taken in BTC").isTrue();
    }
}
