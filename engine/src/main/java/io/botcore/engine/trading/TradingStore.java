package io.botcore.engine.trading;

import static io.botcore.engine.trading.BotStore.decimal;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.botcore.core.backtest.EquityCurve;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.Ledger;
import io.botcore.core.execution.Order;
import io.botcore.core.execution.Position;
import io.botcore.core.risk.RefusalReason;
import io.botcore.core.strategy.Reason;
import io.botcore.core.trading.PaperSession;
import io.botcore.core.trading.Trade;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Orders, fills, trades, signals, equity history and portfolios of paper bots.
 *
 * <p>Every document has an id derived from the bot, its run and what it records (the client order id, the
 * number of the fill or trade in the run, the candle time), and every write is an upsert of the whole record. So
 * writing the outcome of a candle twice, as a bot does when it restarts after a crash in the middle of writing
 * it, leaves exactly one copy of each. The portfolio document, written last, holds the {@code cursor}: the open
 * time of the newest candle whose outcome is completely stored. Majority write concern throughout.
 *
 * <p>Thread-safe.
 */
public final class TradingStore {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> orders;
    private final MongoCollection<Document> fills;
    private final MongoCollection<Document> trades;
    private final MongoCollection<Document> signals;
    private final MongoCollection<Document> history;
    private final MongoCollection<Document> portfolios;

    public TradingStore(MongoDatabase database) {
        this.orders = collection(database, "orders");
        this.fills = collection(database, "fills");
        this.trades = collection(database, "trades");
        this.signals = collection(database, "signals");
        this.history = collection(database, "portfolio_history");
        this.portfolios = collection(database, "portfolios");
    }

    private static MongoCollection<Document> collection(MongoDatabase database, String name) {
        return database.getCollection(name).withWriteConcern(WriteConcern.MAJORITY);
    }

    /**
     * What one batch of candles (or a stop) brought for a bot: its steps, where its fill and trade numbering
     * stood before them, the book after them, and whether the run ended with them (a stop closed everything).
     */
    public record BatchOutcome(Bot bot, long openTime, List<PaperSession.Step> steps, int fillsBefore,
            int tradesBefore, Ledger book, boolean closed) {
    }

    /** Stores the outcome of a batch; the portfolio (with the cursor) last. */
    public void store(BatchOutcome outcome) {
        Bot bot = outcome.bot();
        String prefix = bot.orderIdPrefix();
        List<WriteModel<Document>> orderWrites = new ArrayList<>();
        List<WriteModel<Document>> fillWrites = new ArrayList<>();
        List<WriteModel<Document>> tradeWrites = new ArrayList<>();
        List<WriteModel<Document>> signalWrites = new ArrayList<>();
        int fillNumber = outcome.fillsBefore();
        int tradeNumber = outcome.tradesBefore();
        for (PaperSession.Step step : outcome.steps()) {
            Date time = new Date(step.openTime() + bot.interval().millis());
            for (Order order : step.orders()) {
                orderWrites.add(orderWrite(bot, order, time));
            }
            for (Fill fill : step.fills()) {
                fillNumber++;
                Document doc = owned(bot, prefix + ":f" + fillNumber).append("order_id", fill.orderId().value())
                        .append("symbol", fill.symbol().value()).append("side", fill.side().name())
                        .append("price", decimal(fill.price())).append("quantity", decimal(fill.quantity()))
                        .append("fee", decimal(fill.fee())).append("liquidity", fill.liquidity().name())
                        .append("exit_reason", fill.exitReason() == null ? null : fill.exitReason().name())
                        .append("timestamp", Date.from(fill.time()));
                fillWrites.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
            }
            for (Trade trade : step.trades()) {
                tradeNumber++;
                Document doc = tradeDocument(bot, prefix + "-t" + tradeNumber, trade);
                tradeWrites.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
            }
            if (step.decision() != null) {
                Document doc = signalDocument(bot, prefix, step, time);
                signalWrites.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
            }
        }
        write(orders, orderWrites);
        write(fills, fillWrites);
        write(trades, tradeWrites);
        write(signals, signalWrites);
        Ledger book = outcome.book();
        Date at = new Date(outcome.openTime() + bot.interval().millis());
        Document point = owned(bot, prefix + ":" + outcome.openTime()).append("run", bot.run().number())
                .append("equity", decimal(book.equity())).append("cash", decimal(book.cash()))
                .append("open_positions", book.openPositionCount()).append("timestamp", at);
        history.replaceOne(Filters.eq("_id", point.get("_id")), point, UPSERT);
        portfolios.replaceOne(Filters.eq("_id", bot.id()), portfolioDocument(bot, outcome, book, fillNumber,
                tradeNumber, at), UPSERT);
    }

    private static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
    }

    private static Document owned(Bot bot, String id) {
        return new Document("_id", id).append("bot_id", bot.id()).append("user_id", bot.userId());
    }

    private static WriteModel<Document> orderWrite(Bot bot, Order order, Date time) {
        List<Bson> set = new ArrayList<>(List.of(Updates.set("bot_id", bot.id()), Updates.set("user_id", bot.userId()),
                Updates.set("client_order_id", order.id().value()), Updates.set("run", bot.run().number()),
                Updates.set("mode", bot.mode()), Updates.set("symbol", order.symbol().value()),
                Updates.set("side", order.side().name()), Updates.set("type", order.type().name()),
                Updates.set("quantity", decimal(order.request().quantity())),
                Updates.set("limit_price", decimal(order.request().limitPrice())),
                Updates.set("stop_price", decimal(order.stopPrice())), Updates.set("status", order.status().name()),
                Updates.set("filled_quantity", decimal(order.filledQuantity())),
                Updates.set("average_price", order.filledQuantity().signum() > 0 ? decimal(order.averagePrice()) : null),
                Updates.set("exit_reason", order.request().exitReason() == null ? null
                        : order.request().exitReason().name()),
                Updates.set("reject_reason", order.rejection() == null ? null : order.rejection().reason().name()),
                Updates.set("reject_message", order.rejection() == null ? null : order.rejection().message()),
                Updates.set("timestamp", time), Updates.setOnInsert("created_at", time)));
        return new UpdateOneModel<>(Filters.eq("_id", order.id().value()), Updates.combine(set),
                new UpdateOptions().upsert(true));
    }

    private static Document tradeDocument(Bot bot, String id, Trade trade) {
        BigDecimal cost = trade.entryPrice().multiply(trade.quantity());
        return owned(bot, id).append("trade_id", id).append("run", bot.run().number())
                .append("symbol", trade.symbol().value()).append("trade_type", "Long").append("status", "Closed")
                .append("entry_price", decimal(trade.entryPrice())).append("exit_price", decimal(trade.exitPrice()))
                .append("quantity", decimal(trade.quantity())).append("pnl", decimal(trade.pnl()))
                .append("pnl_percentage", decimal(cost.signum() == 0 ? BigDecimal.ZERO
                        : trade.pnl().multiply(BigDecimal.valueOf(100)).divide(cost, MathContext.DECIMAL64)))
                .append("trading_fees", decimal(trade.fees()))
                .append("open_time", Date.from(trade.entryTime())).append("close_time", Date.from(trade.exitTime()))
                .append("close_reason", trade.exitReason().name()).append("reasons", reasons(trade.entryReasons()))
                .append("timestamp", Date.from(trade.exitTime()));
    }

    private static Document signalDocument(Bot bot, String prefix, PaperSession.Step step, Date time) {
        PaperSession.Decision decision = step.decision();
        return owned(bot, prefix + ":" + step.symbol().value() + ":" + step.openTime())
                .append("symbol", step.symbol().value()).append("signal_type", step.signal().side().name())
                .append("confidence", step.signal().confidence()).append("reasons", reasons(step.signal().reasons()))
                .append("outcome", decision.outcome().name())
                .append("refusal", decision.refusal() == null ? null : decision.refusal().name())
                .append("order_ids", decision.orderIds().stream().map(id -> id.value()).toList())
                .append("candle_open_time", step.openTime()).append("timestamp", time);
    }

    private static List<Document> reasons(List<Reason> reasons) {
        List<Document> out = new ArrayList<>();
        for (Reason reason : reasons) {
            Document values = new Document();
            reason.values().forEach((k, v) -> values.append(k, Double.isFinite(v) ? v : null));
            out.add(new Document("strategy", reason.strategy()).append("rule", reason.rule()).append("values", values));
        }
        return out;
    }

    private static Document portfolioDocument(Bot bot, BatchOutcome outcome, Ledger book, int fillCount,
            int tradeCount, Date at) {
        List<Document> positions = new ArrayList<>();
        for (Position position : book.positions()) {
            BigDecimal mark = book.markPrice(position.symbol());
            positions.add(new Document("symbol", position.symbol().value())
                    .append("quantity", decimal(position.quantity())).append("cost_basis", decimal(position.costBasis()))
                    .append("entry_price", decimal(position.breakEvenPrice())).append("mark_price", decimal(mark))
                    .append("unrealized_pnl", decimal(position.unrealisedPnlAt(mark))));
        }
        return new Document("_id", bot.id()).append("bot_id", bot.id()).append("user_id", bot.userId())
                .append("run", bot.run().number()).append("cursor", outcome.openTime())
                .append("initial_cash", decimal(bot.run().initialCash())).append("cash", decimal(book.cash()))
                .append("equity", decimal(book.equity())).append("realised_pnl", decimal(book.realisedPnl()))
                .append("unrealised_pnl", decimal(book.unrealisedPnl())).append("fees_paid", decimal(book.feesPaid()))
                .append("exposure", decimal(book.exposure())).append("positions", positions)
                .append("fill_count", fillCount).append("trade_count", tradeCount).append("closed", outcome.closed())
                .append("updated_at", at);
    }

    /** The stored portfolio of a bot: where its current run stands. */
    public Optional<Document> portfolio(String botId) {
        return Optional.ofNullable(portfolios.find(Filters.eq("_id", botId)).first());
    }

    /** Documents of {@code collection} owned by {@code userId} matching the typed filters, newest first. */
    public List<Document> find(String collection, String userId, String botId, String symbol, String status,
            int limit) {
        MongoCollection<Document> c = switch (collection) {
            case "orders" -> orders;
            case "fills" -> fills;
            case "trades" -> trades;
            case "signals" -> signals;
            case "portfolio_history" -> history;
            default -> throw new IllegalArgumentException("unknown collection " + collection);
        };
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("user_id", userId)));
        if (botId != null) {
            filters.add(Filters.eq("bot_id", botId));
        }
        if (symbol != null) {
            filters.add(Filters.eq("symbol", symbol));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        List<Document> out = new ArrayList<>();
        c.find(Filters.and(filters)).sort(Sorts.descending("timestamp")).limit(limit).into(out);
        return out;
    }

    /**
     * The equity of a bot after every candle it traded, over all its runs, oldest first: the curve its drawdown
     * and Sharpe ratio are measured on.
     */
    public EquityCurve equityCurve(Bot bot) {
        EquityCurve.Builder curve = null;
        for (Document point : history.find(Filters.eq("bot_id", bot.id())).sort(Sorts.ascending("timestamp"))) {
            long time = point.getDate("timestamp").getTime();
            if (curve == null) {
                curve = new EquityCurve.Builder(bot.interval(), time - bot.interval().millis(),
                        bot.initialBalance().doubleValue());
            }
            curve.add(time, BotStore.bigDecimal(point.get("equity")).doubleValue(),
                    point.getInteger("open_positions", 0) > 0);
        }
        return (curve == null ? new EquityCurve.Builder(bot.interval(), bot.createdAt().toEpochMilli(),
                bot.initialBalance().doubleValue()) : curve).build();
    }

    /**
     * The candles of the bot's current run whose entry was refused because entries were halted (maintenance), as
     * {@code SYMBOL@openTime}: a rebuild halts the same entries again.
     */
    public Set<String> haltedEntries(Bot bot) {
        Set<String> out = new HashSet<>();
        for (Document signal : signals.find(Filters.and(Filters.eq("bot_id", bot.id()),
                Filters.eq("refusal", RefusalReason.ENTRIES_HALTED.name()),
                Filters.gt("candle_open_time", bot.run().startAfter())))) {
            out.add(signal.getString("symbol") + "@" + signal.getLong("candle_open_time"));
        }
        return out;
    }

    /** Number of documents of a bot in {@code orders}, {@code fills} or {@code trades}; for checks and tests. */
    public long count(String collection, String botId) {
        return switch (collection) {
            case "orders" -> orders.countDocuments(Filters.eq("bot_id", botId));
            case "fills" -> fills.countDocuments(Filters.eq("bot_id", botId));
            case "trades" -> trades.countDocuments(Filters.eq("bot_id", botId));
            default -> throw new IllegalArgumentException("unknown collection " + collection);
        };
    }

    /** When the outcome of a step was stored, as the API shows it. */
    static Instant closeTime(long openTime, Bot bot) {
        return Instant.ofEpochMilli(openTime + bot.interval().millis());
    }
}
