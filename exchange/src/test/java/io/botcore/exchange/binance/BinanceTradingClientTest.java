package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.RateLimitedException;
import io.botcore.exchange.fake.FakeBinanceServer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The signed REST client against the fake Binance's spot account. */
class BinanceTradingClientTest {

    private static final BinanceCredentials KEYS = new BinanceCredentials("test-api-key", "test-secret");
    private static final BigDecimal RECORDED = RecordedPrices.btcClose("2024-01-01T00:00:00Z");

    private final MutableClock exchangeClock = new MutableClock();
    private final FakeBinanceServer fake = FakeBinanceServer.start(0, exchangeClock);

    private BinanceTradingClient client(BinanceCredentials credentials) {
        return new BinanceTradingClient(fake.baseUrl(), credentials, Duration.ofSeconds(2), Duration.ofSeconds(5),
                RequestWeightBudget.standard(), Clock.systemUTC());
    }

    private final BinanceTradingClient client = client(KEYS);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldTurnTheExchangeFiltersIntoSymbolRules() {
        fake.spot();

        Map<Symbol, BinanceSymbol> info = client.exchangeInfo(List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")));

        assertThat(info.get(Symbol.of("BTCUSDT")).rules()).isEqualTo(SymbolRules.of("BTCUSDT", "0.01", "0.00001",
                "0.00001", "5"));
        assertThat(info.get(Symbol.of("ETHUSDT")).rules()).isEqualTo(SymbolRules.of("ETHUSDT", "0.01", "0.0001",
                "0.0001", "5"));
        assertThat(info.get(Symbol.of("BTCUSDT")).baseAsset()).isEqualTo("BTC");
        assertThat(info.get(Symbol.of("BTCUSDT")).quoteAsset()).isEqualTo("USDT");
        assertThat(info.get(Symbol.of("BTCUSDT")).isTrading()).isTrue();
    }

    @Test
    void shouldFillAMarketOrderAtTheRecordedPriceAndBookItInTheAccount() {
        fake.spot().credentials("test-api-key", "test-secret").deposit("USDT", "1000").price("BTCUSDT", RECORDED);

        BinanceOrder placed = client.newOrder(new NewOrder("BTCUSDT", "BUY", "MARKET", null, new BigDecimal("0.001"),
                null, null, "bot1-0001"));

        assertThat(placed.status()).isEqualTo("FILLED");
        assertThat(placed.clientOrderId()).isEqualTo("bot1-0001");
        assertThat(placed.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo(RECORDED);
            assertThat(f.qty()).isEqualByComparingTo("0.001");
        });
        BigDecimal cost = RECORDED.multiply(new BigDecimal("0.001"));
        assertThat(placed.cummulativeQuoteQty()).isEqualByComparingTo(cost);
        List<BinanceBalance> account = client.account();
        assertThat(balance(account, "USDT").free()).isEqualByComparingTo(new BigDecimal("1000").subtract(cost));
        assertThat(balance(account, "BTC").free()).isEqualByComparingTo("0.001");
        assertThat(balance(account, "BTC").locked()).isZero();
        assertThat(client.queryOrder("BTCUSDT", "bot1-0001").executedQty()).isEqualByComparingTo("0.001");
        assertThat(client.myTrades("BTCUSDT", placed.orderId())).singleElement()
                .satisfies(t -> assertThat(t.price()).isEqualByComparingTo(RECORDED));
    }

    @Test
    void shouldRestALimitOrderAndCancelItByClientOrderId() {
        fake.spot().credentials("test-api-key", "test-secret").deposit("USDT", "1000").price("BTCUSDT", RECORDED);

        client.newOrder(new NewOrder("BTCUSDT", "BUY", "LIMIT", "GTC", new BigDecimal("0.001"),
                new BigDecimal("30000.00"), null, "bot1-0002"));

        assertThat(client.openOrders("BTCUSDT")).extracting(BinanceOrder::clientOrderId).containsExactly("bot1-0002");
        assertThat(fake.spot().locked("USDT")).isEqualByComparingTo("30");
        BinanceOrder canceled = client.cancelOrder("BTCUSDT", "bot1-0002");
        assertThat(canceled.status()).isEqualTo("CANCELED");
        assertThat(canceled.clientOrderId()).isEqualTo("bot1-0002");
        assertThat(client.openOrders("BTCUSDT")).isEmpty();
        assertThat(fake.spot().free("USDT")).isEqualByComparingTo("1000");
    }

    @Test
    void shouldCarryBinancesCodeAndMessageWhenItRefuses() {
        fake.spot().credentials("test-api-key", "test-secret").deposit("USDT", "10").price("BTCUSDT", RECORDED);

        assertThatThrownBy(() -> client.newOrder(new NewOrder("BTCUSDT", "BUY", "MARKET", null,
                new BigDecimal("0.001"), null, null, "bot1-0003")))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(-2010);
                    assertThat(e.msg()).isEqualTo("Account has insufficient balance for requested action.");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertThatThrownBy(() -> client.queryOrder("BTCUSDT", "never-sent"))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.code()).isEqualTo(-2013));
    }

    @Test
    void shouldBeRefusedWhenSignedWithAnotherSecretAndNeverShowIt() {
        fake.spot().credentials("test-api-key", "test-secret");
        BinanceTradingClient wrong = client(new BinanceCredentials("test-api-key", "not-the-secret"));

        assertThatThrownBy(wrong::account).isInstanceOfSatisfying(BinanceApiException.class,
                e -> assertThat(e.code()).isEqualTo(BinanceApiException.INVALID_SIGNATURE))
                .message().doesNotContain("not-the-secret").doesNotContain("signature=");
        assertThat(new BinanceCredentials("k3y-value", "s3cret-value").toString()).doesNotContain("k3y-value")
                .doesNotContain("s3cret-value");
    }

    @Test
    void shouldMeasureTheClockAgainWhenBinanceRefusesTheTimestamp() {
        fake.spot().credentials("test-api-key", "test-secret").deposit("USDT", "5");
        exchangeClock.shift(Duration.ofSeconds(20));
        client.account();
        assertThat(client.clockOffsetMillis()).isBetween(19_000L, 21_000L);

        exchangeClock.shift(Duration.ofSeconds(-60));

        assertThat(balance(client.account(), "USDT").free()).isEqualByComparingTo("5");
        assertThat(client.clockOffsetMillis()).isBetween(-41_000L, -39_000L);
    }

    @Test
    void shouldRefuseATimestampOlderThanTheReceiveWindow() {
        fake.spot().credentials("test-api-key", "test-secret");
        client.account();
        fake.delay("/api/v3/account", Duration.ofMillis(1200));
        BinanceTradingClient narrow = new BinanceTradingClient(fake.baseUrl(), KEYS, Duration.ofSeconds(5),
                Duration.ofMillis(1000), RequestWeightBudget.standard(), Clock.systemUTC());
        narrow.syncClock();

        assertThatThrownBy(narrow::account).isInstanceOfSatisfying(BinanceApiException.class,
                e -> assertThat(e.msg()).isEqualTo("Timestamp for this request is outside of the recvWindow."));
    }

    @Test
    void shouldCreateKeepAndCloseAListenKey() {
        fake.spot().credentials("test-api-key", "test-secret");

        String key = client.createListenKey();
        client.keepAliveListenKey(key);
        client.closeListenKey(key);

        assertThat(key).hasSize(64);
        assertThatThrownBy(() -> client.keepAliveListenKey(key)).isInstanceOfSatisfying(BinanceApiException.class,
                e -> assertThat(e.code()).isEqualTo(-1125));
    }

    @Test
    void shouldSortRateLimitBanAndServerErrorsByWhatTheCallerMustDo() {
        fake.spot().credentials("test-api-key", "test-secret");
        fake.failNext("/api/v3/account", new FakeBinanceServer.Fault(503, "", Map.of()), 1);
        assertThatThrownBy(client::account).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageEndingWith("/api/v3/account answered HTTP 503");

        fake.failNext("/api/v3/account", new FakeBinanceServer.Fault(429, "{\"code\":-1003,\"msg\":\"Too many "
                + "requests.\"}", Map.of("Retry-After", "3")), 1);
        assertThatThrownBy(client::account).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));

        fake.fail("/api/v3/account", new FakeBinanceServer.Fault(418, "{\"code\":-1003,\"msg\":\"Way too many "
                + "requests; IP banned.\"}", Map.of("Retry-After", "120")));
        assertThatThrownBy(client::account).isInstanceOf(ExchangeBannedException.class);
        int sent = fake.requestCount();
        assertThatThrownBy(client::account).isInstanceOf(ExchangeBannedException.class);
        assertThat(fake.requestCount()).as("nothing is sent during a ban").isEqualTo(sent);
    }

    private static BinanceBalance balance(List<BinanceBalance> account, String asset) {
        return account.stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }
}
