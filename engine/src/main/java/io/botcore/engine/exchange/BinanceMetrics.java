package io.botcore.engine.exchange;

import io.botcore.exchange.binance.BinanceExchange;
import io.botcore.exchange.binance.BinanceKlineStream;
import io.botcore.exchange.binance.BinanceTradingClient;
import io.botcore.exchange.binance.Reconciliation;
import io.botcore.exchange.binance.RequestWeightBudget;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Binance adapter's state on {@code /metrics}: request weight, stream connections, reconnects and back-fills,
 * orders in doubt, clock offset, and reconciliation differences. The adapter itself has no metrics library; this
 * reads its state when Prometheus scrapes.
 *
 * <p>Thread-safe.
 */
public final class BinanceMetrics {

    private final MeterRegistry registry;
    private final Map<Reconciliation.Kind, Counter> differences = new EnumMap<>(Reconciliation.Kind.class);
    private final AtomicInteger lastDifferences = new AtomicInteger();
    /**
     * What the gauges and function counters read. Micrometer holds their state objects weakly, so a supplier
     * lambda bound only there would be collected and its series would read NaN; this list keeps them alive.
     */
    private final List<Object> bound = new CopyOnWriteArrayList<>();

    public BinanceMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Reconciliation.Kind kind : Reconciliation.Kind.values()) {
            differences.put(kind, Counter.builder("bot_core.binance.reconciliation.differences")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .description("differences found by reconciliation with Binance, by kind").register(registry));
        }
        Gauge.builder("bot_core.binance.reconciliation.open_differences", lastDifferences, AtomicInteger::get)
                .description("differences found by the latest reconciliation (0 = our records agree with Binance)")
                .register(registry);
    }

    /** Request weight used this minute, the limit we keep to, and whether Binance has banned us (HTTP 418). */
    public BinanceMetrics bindBudget(RequestWeightBudget budget) {
        bound.add(budget);
        Gauge.builder("bot_core.exchange.banned", budget, b -> b.bannedNow() ? 1 : 0)
                .description("1 while Binance's ban of this IP (HTTP 418) lasts: no request is sent until it ends")
                .register(registry);
        Gauge.builder("bot_core.binance.request_weight.used", budget, RequestWeightBudget::usedThisMinute)
                .description("Binance request weight used in the current minute (ours or the exchange's count, the "
                        + "higher)").register(registry);
        Gauge.builder("bot_core.binance.request_weight.limit", budget, RequestWeightBudget::limitPerMinute)
                .description("request weight per minute this process keeps to").register(registry);
        return this;
    }

    /** The market-data stream: connection, reconnects, back-filled candles, freshness. */
    public BinanceMetrics bindKlineStream(Supplier<BinanceKlineStream.Status> status) {
        bound.add(status);
        Gauge.builder("bot_core.binance.stream.connected", status, s -> s.get().connected() ? 1 : 0)
                .tag("stream", "klines").description("1 while the stream's WebSocket is open").register(registry);
        FunctionCounter.builder("bot_core.binance.stream.reconnects", status, s -> s.get().reconnects())
                .tag("stream", "klines").description("WebSocket connections opened after the first")
                .register(registry);
        Gauge.builder("bot_core.binance.stream.last_message.timestamp", status,
                s -> s.get().lastMessageAt() / 1000.0).baseUnit("seconds").tag("stream", "klines")
                .description("wall-clock time of the stream's last message").register(registry);
        FunctionCounter.builder("bot_core.binance.klines.backfilled", status, s -> s.get().backfilled())
                .description("closed candles fetched over REST to close gaps in the stream").register(registry);
        return this;
    }

    /** The live exchange: user-data stream, orders in doubt, clock offset. */
    public BinanceMetrics bindExchange(BinanceExchange exchange, BinanceTradingClient client) {
        bound.add(exchange);
        bound.add(client);
        Gauge.builder("bot_core.binance.stream.connected", exchange, e -> e.userStreamConnected() ? 1 : 0)
                .tag("stream", "user_data").description("1 while the stream's WebSocket is open").register(registry);
        FunctionCounter.builder("bot_core.binance.stream.reconnects", exchange, BinanceExchange::userStreamReconnects)
                .tag("stream", "user_data").description("WebSocket connections opened after the first")
                .register(registry);
        Gauge.builder("bot_core.binance.orders.in_doubt", exchange, e -> e.inDoubt().size())
                .description("orders sent whose outcome is not known yet (resolved by lookup, never resent blindly)")
                .register(registry);
        Gauge.builder("bot_core.binance.clock_offset", client, c -> c.clockOffsetMillis() / 1000.0)
                .baseUnit("seconds").description("Binance's clock minus ours, as last measured").register(registry);
        return this;
    }

    /** Counts the differences of one reconciliation. */
    public void reconciled(Reconciliation result) {
        for (Reconciliation.Difference difference : result.differences()) {
            differences.get(difference.kind()).increment();
        }
        lastDifferences.set(result.differences().size());
    }
}
