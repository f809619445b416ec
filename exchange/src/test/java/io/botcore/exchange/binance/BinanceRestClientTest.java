package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.fake.FakeBinanceServer;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceRestClientTest {

    private static final Instant EXCHANGE_NOW = Instant.parse("2025-11-18T09:00:00.123Z");

    private final FakeBinanceServer fake = FakeBinanceServer.start(0, Clock.fixed(EXCHANGE_NOW, ZoneOffset.UTC));
    private final BinanceRestClient client = new BinanceRestClient(fake.baseUrl(), Duration.ofMillis(500), RequestWeightBudget.standard());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldPingAndReadTheExchangeClock() {
        client.ping();

        assertThat(client.serverTime()).isEqualTo(EXCHANGE_NOW);
    }

    @Test
    void shouldGiveUpAfterTheTimeoutWhenTheExchangeHangs() {
        fake.delay("/api/v3/ping", Duration.ofSeconds(5));

        assertThatThrownBy(client::ping)
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageEndingWith("/api/v3/ping within 500 ms");
    }

    @Test
    void shouldReportTheStatusOfAnExchangeThatBansUs() {
        fake.fail("/api/v3/ping", new FakeBinanceServer.Fault(418, "{\"code\":-1003,\"msg\":\"IP banned\"}",
                Map.of("Retry-After", "120")));

        assertThatThrownBy(client::ping)
                .isInstanceOf(io.botcore.exchange.ExchangeBannedException.class)
                .hasMessageStartingWith("Binance banned this IP (HTTP 418) until ");
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThatThrownBy(client::ping).as("no request while banned")
                .isInstanceOf(io.botcore.exchange.ExchangeBannedException.class);
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void shouldReportAnExchangeThatCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BinanceRestClient nowhere = new BinanceRestClient(URI.create("http://127.0.0.1:" + closedPort),
                Duration.ofMillis(500), RequestWeightBudget.standard());

        assertThatThrownBy(nowhere::ping)
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageStartingWith("cannot reach http://127.0.0.1:" + closedPort + "/api/v3/ping");
    }
}
