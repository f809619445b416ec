package io.botcore.engine.exchange;

import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.binance.BinanceRestClient;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/binance/ping}: reaches the configured Binance API now ({@code /api/v3/ping} then
 * {@code /api/v3/time}) and reports round-trip latency and how far our clock is from the exchange's.
 * Answers within 5 s: 200 {@code status: ok}, or 503 {@code status: unreachable} with the reason.
 */
@RestController
class BinancePingController {

    private final BinanceRestClient client;
    private final Clock clock;

    BinancePingController(BinanceRestClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @GetMapping("/api/v1/binance/ping")
    ResponseEntity<Map<String, Object>> ping() {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long start = System.nanoTime();
            client.ping();
            double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
            long sentAt = clock.millis();
            Instant serverTime = client.serverTime();
            long receivedAt = clock.millis();
            long skew = serverTime.toEpochMilli() - (sentAt + receivedAt) / 2;
            body.put("status", "ok");
            body.put("latency_ms", Math.round(latencyMs * 1000) / 1000.0);
            body.put("server_time", serverTime.toString());
            body.put("clock_skew_ms", skew);
            body.put("base_url", client.baseUrl().toString());
            return ResponseEntity.ok(body);
        } catch (ExchangeUnavailableException e) {
            body.put("status", "unreachable");
            body.put("error", e.getMessage());
            body.put("base_url", client.baseUrl().toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
    }
}
