package io.botcore.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.exchange.binance.BinanceKlineStream;
import io.botcore.exchange.binance.Reconciliation;
import io.botcore.exchange.binance.RequestWeightBudget;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class BinanceMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BinanceMetrics metrics = new BinanceMetrics(registry);

    @Test
    void shouldShowTheWeightUsedThisMinute() throws InterruptedException {
        RequestWeightBudget budget = new RequestWeightBudget(1200, Clock.systemUTC(), d -> { });
        metrics.bindBudget(budget);

        budget.acquire(20);
        budget.acquire(4);

        assertThat(registry.get("bot_core.binance.request_weight.used").gauge().value()).isEqualTo(24);
        assertThat(registry.get("bot_core.binance.request_weight.limit").gauge().value()).isEqualTo(1200);
        assertThat(registry.get("bot_core.exchange.banned").gauge().value()).isZero();
    }

    @Test
    void shouldSayBannedWhileA418BanLastsAndNotAfter() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic
                .AtomicReference<>(java.time.Instant.parse("2026-12-03T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        RequestWeightBudget budget = new RequestWeightBudget(1200, clock, d -> { });
        metrics.bindBudget(budget);

        budget.banned(java.time.Instant.parse("2026-12-03T10:05:00Z"));

        assertThat(registry.get("bot_core.exchange.banned").gauge().value()).isEqualTo(1);
        now.set(java.time.Instant.parse("2026-12-03T10:04:59Z"));
        assertThat(registry.get("bot_core.exchange.banned").gauge().value()).isEqualTo(1);
        now.set(java.time.Instant.parse("2026-12-03T10:05:00Z"));
        assertThat(registry.get("bot_core.exchange.banned").gauge().value()).isZero();
    }

    @Test
    void shouldReadTheStreamStateWhenScraped() {
        AtomicReference<BinanceKlineStream.Status> status = new AtomicReference<>(
                new BinanceKlineStream.Status(true, 0, 0, Map.of(), 0));
        metrics.bindKlineStream(status::get);

        status.set(new BinanceKlineStream.Status(false, 3, 1_700_000_000_500L, Map.of(), 42));

        assertThat(registry.get("bot_core.binance.stream.connected").tag("stream", "klines").gauge().value()).isZero();
        assertThat(registry.get("bot_core.binance.stream.reconnects").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("bot_core.binance.stream.last_message.timestamp").gauge().value())
                .isEqualTo(1_700_000_000.5);
        assertThat(registry.get("bot_core.binance.klines.backfilled").functionCounter().count()).isEqualTo(42);
    }

    @Test
    void shouldCountReconciliationDifferencesByKind() {
        metrics.reconciled(new Reconciliation(Instant.EPOCH, List.of(
                new Reconciliation.Difference(Reconciliation.Kind.BALANCE, "USDT", "10", "9"),
                new Reconciliation.Difference(Reconciliation.Kind.BALANCE, "BTC", "1", "0"),
                new Reconciliation.Difference(Reconciliation.Kind.UNKNOWN_OPEN_ORDER, "x", "none", "NEW"))));
        metrics.reconciled(new Reconciliation(Instant.EPOCH, List.of()));

        assertThat(registry.get("bot_core.binance.reconciliation.differences").tag("kind", "balance").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get("bot_core.binance.reconciliation.differences").tag("kind", "unknown_open_order")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("bot_core.binance.reconciliation.open_differences").gauge().value()).isZero();
    }
}
