package io.botcore.engine.trading;

import io.botcore.core.execution.Ledger;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.RejectReason;
import io.botcore.core.risk.RefusalReason;
import io.botcore.core.strategy.Side;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trading meters on {@code /metrics} (names in {@code docs/metrics.md}). Every counter exists at 0 from start-up,
 * so {@code increase()} sees the first event. Money gauges sum the running bots.
 *
 * <p>Thread-safe.
 */
public final class TradingMetrics {

    private final MeterRegistry registry;
    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final Map<String, Boolean> halted = new ConcurrentHashMap<>();
    private final Counter mismatches;
    private final Counter failed;

    public TradingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (OrderSide side : OrderSide.values()) {
            placedCounter(side);
            filledCounter(side);
        }
        for (RejectReason reason : RejectReason.values()) {
            rejectionCounter(reason);
        }
        for (RefusalReason reason : RefusalReason.values()) {
            refusalCounter(reason);
        }
        for (Side side : Side.values()) {
            if (side != Side.HOLD) {
                signalCounter(side);
            }
        }
        failed = Counter.builder("bot_core.orders.failed")
                .description("order executions that failed: rejected by the exchange, errored or timed out")
                .register(registry);
        mismatches = Counter.builder("bot_core.bot.state.mismatches")
                .description("bots whose rebuilt state did not match the stored portfolio (they stop trading)")
                .register(registry);
        Gauge.builder("bot_core.bots.running", books, Map::size).description("bots running on this engine")
                .register(registry);
        Gauge.builder("bot_core.bots.halted", halted, h -> h.values().stream().filter(b -> b).count())
                .description("running bots that place no orders because the database is unavailable")
                .register(registry);
        Gauge.builder("bot_core.equity", books, b -> sum(b, Book::equity))
                .description("equity of the running paper bots, quote asset").register(registry);
        Gauge.builder("bot_core.cash", books, b -> sum(b, Book::cash))
                .description("cash of the running paper bots, quote asset").register(registry);
        Gauge.builder("bot_core.open.exposure", books, b -> sum(b, Book::exposure))
                .description("value of the open positions of the running bots, quote asset").register(registry);
        Gauge.builder("bot_core.pnl.realised", books, b -> sum(b, Book::realised))
                .description("realised PnL of the current runs of the running bots, net of fees").register(registry);
        Gauge.builder("bot_core.pnl.unrealised", books, b -> sum(b, Book::unrealised))
                .description("unrealised PnL of the open positions of the running bots").register(registry);
    }

    private record Book(double equity, double cash, double exposure, double realised, double unrealised) {
    }

    private static double sum(Map<String, Book> books, java.util.function.ToDoubleFunction<Book> value) {
        return books.values().stream().mapToDouble(value).sum();
    }

    private Counter placedCounter(OrderSide side) {
        return Counter.builder("bot_core.orders.placed").tag("side", side.name())
                .description("orders placed by bots").register(registry);
    }

    private Counter filledCounter(OrderSide side) {
        return Counter.builder("bot_core.fills").tag("side", side.name()).description("fills of bot orders")
                .register(registry);
    }

    private Counter rejectionCounter(RejectReason reason) {
        return Counter.builder("bot_core.orders.rejected").tag("reason", reason.name())
                .description("orders the exchange rejected or expired, by reason").register(registry);
    }

    private Counter refusalCounter(RefusalReason reason) {
        return Counter.builder("bot_core.risk.refusals").tag("reason", reason.name())
                .description("entries the risk policy refused, by reason").register(registry);
    }

    private Counter signalCounter(Side side) {
        return Counter.builder("bot_core.signals").tag("side", side.name())
                .description("buy and sell signals of the bots' strategies").register(registry);
    }

    void placed(OrderSide side) {
        placedCounter(side).increment();
    }

    void filled(OrderSide side) {
        filledCounter(side).increment();
    }

    void failed(RejectReason reason) {
        rejectionCounter(reason).increment();
        failed.increment();
    }

    void refused(RefusalReason reason) {
        refusalCounter(reason).increment();
    }

    void signal(Side side) {
        signalCounter(side).increment();
    }

    void stateMismatch() {
        mismatches.increment();
    }

    void halted(String botId, boolean isHalted) {
        halted.put(botId, isHalted);
    }

    void book(String botId, Ledger book) {
        books.put(botId, new Book(book.equity().doubleValue(), book.cash().doubleValue(),
                book.exposure().doubleValue(), book.realisedPnl().doubleValue(), book.unrealisedPnl().doubleValue()));
    }

    void forget(String botId) {
        books.remove(botId);
        halted.remove(botId);
    }
}
