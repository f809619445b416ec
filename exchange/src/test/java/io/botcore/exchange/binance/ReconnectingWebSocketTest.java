package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ReconnectingWebSocketTest {

    private final ReconnectingWebSocket connection = new ReconnectingWebSocket("test",
            new ReconnectingWebSocket.Handler() {
                @Override
                public URI url() {
                    return URI.create("ws://127.0.0.1:1");
                }

                @Override
                public void opened() {
                }

                @Override
                public void message(String text) {
                }
            }, new ReconnectingWebSocket.Settings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(23),
                    Duration.ofMinutes(1), Duration.ofSeconds(5)), Clock.systemUTC());

    @Test
    void shouldDoubleTheBackOffWithJitterUpToTheCap() {
        for (int i = 0; i < 200; i++) {
            assertThat(connection.backoff(0)).isBetween(500L, 1000L);
            assertThat(connection.backoff(3)).isBetween(4000L, 8000L);
            assertThat(connection.backoff(10)).isBetween(30_000L, 60_000L);
            assertThat(connection.backoff(40)).isBetween(30_000L, 60_000L);
        }
    }

    @Test
    void shouldSpreadReconnectsOfManyClients() {
        long distinct = LongStream.range(0, 50).map(i -> connection.backoff(2)).distinct().count();

        assertThat(distinct).isGreaterThan(10);
    }
}
