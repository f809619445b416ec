package io.botcore.engine.trading;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.botcore.core.market.Interval;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The {@code bots} collection. Every query is built from typed values (ids are matched as strings), never from
 * client JSON. Writes use majority write concern: they decide what trades.
 *
 * <p>Thread-safe.
 */
public final class BotStore {

    private static final char[] ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final MongoCollection<Document> bots;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public BotStore(MongoDatabase database, Clock clock) {
        this.bots = database.getCollection("bots").withWriteConcern(WriteConcern.MAJORITY);
        this.clock = clock;
    }

    /** Stores a new, stopped bot and returns it with its id. */
    public Bot create(String userId, String name, String strategy, Map<String, String> params, List<String> symbols,
            Interval interval, Bot.Risk risk, BigDecimal initialBalance) {
        Bot bot = new Bot(newId(), userId, name, strategy, params, symbols, interval, "paper", risk, initialBalance,
                Bot.STOPPED, false, null, null, clock.instant());
        bots.insertOne(toDocument(bot));
        return bot;
    }

    private String newId() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    public Optional<Bot> find(String id) {
        return Optional.ofNullable(bots.find(Filters.eq("_id", id)).first()).map(BotStore::fromDocument);
    }

    /** The bot if it exists and belongs to {@code userId}. */
    public Optional<Bot> findOwned(String id, String userId) {
        return Optional.ofNullable(bots.find(Filters.and(Filters.eq("_id", id), Filters.eq("user_id", userId)))
                .first()).map(BotStore::fromDocument);
    }

    public List<Bot> listOwned(String userId) {
        return list(Filters.eq("user_id", userId));
    }

    public List<Bot> listAll() {
        return list(new Document());
    }

    private List<Bot> list(Bson filter) {
        List<Bot> out = new ArrayList<>();
        for (Document doc : bots.find(filter).sort(Sorts.ascending("created_at"))) {
            out.add(fromDocument(doc));
        }
        return out;
    }

    /**
     * Starts a new run if the bot is stopped and no stop is pending.
     *
     * @return the bot as started, empty when it was not stopped
     */
    public Optional<Bot> start(Bot bot, long startAfter, BigDecimal initialCash) {
        int number = bot.run() == null ? 1 : bot.run().number() + 1;
        Bot.Run run = new Bot.Run(number, startAfter, initialCash, clock.instant());
        Document updated = bots.findOneAndUpdate(Filters.and(Filters.eq("_id", bot.id()),
                Filters.eq("status", Bot.STOPPED), Filters.eq("stop_requested", false)),
                Updates.combine(Updates.set("status", Bot.RUNNING), Updates.set("run", runDocument(run)),
                        Updates.set("stop_reason", null), Updates.set("updated_at", Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(BotStore::fromDocument);
    }

    /** Asks the engine running the bot to stop it; returns whether a running bot was asked. */
    public boolean requestStop(String id, String reason) {
        return bots.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", Bot.RUNNING)),
                Updates.combine(Updates.set("stop_requested", true), Updates.set("stop_reason", reason),
                        Updates.set("updated_at", Date.from(clock.instant())))).getModifiedCount() > 0;
    }

    /** Asks every running bot to stop; returns how many were asked. */
    public long requestStopAll(String reason) {
        return bots.updateMany(Filters.eq("status", Bot.RUNNING),
                Updates.combine(Updates.set("stop_requested", true), Updates.set("stop_reason", reason),
                        Updates.set("updated_at", Date.from(clock.instant())))).getModifiedCount();
    }

    /** Records that the bot's stop has been carried out. */
    public void markStopped(String id) {
        bots.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", Bot.STOPPED),
                Updates.set("stop_requested", false), Updates.set("updated_at", Date.from(clock.instant()))));
    }

    /** Deletes a stopped bot; returns whether it was deleted. */
    public boolean deleteStopped(String id, String userId) {
        return bots.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("user_id", userId),
                Filters.eq("status", Bot.STOPPED))).getDeletedCount() > 0;
    }

    private static Document toDocument(Bot bot) {
        Document doc = new Document("_id", bot.id()).append("user_id", bot.userId()).append("name", bot.name())
                .append("strategy", bot.strategy()).append("params", new Document(new LinkedHashMap<>(bot.params())))
                .append("symbols", bot.symbols()).append("interval", bot.interval().code()).append("mode", bot.mode())
                .append("risk", riskDocument(bot.risk()))
                .append("initial_balance", new Decimal128(bot.initialBalance()))
                .append("status", bot.status()).append("stop_requested", bot.stopRequested())
                .append("stop_reason", bot.stopReason())
                .append("run", bot.run() == null ? null : runDocument(bot.run()))
                .append("created_at", Date.from(bot.createdAt())).append("updated_at", Date.from(bot.createdAt()));
        return doc;
    }

    private static Document riskDocument(Bot.Risk risk) {
        return new Document("position_fraction", decimal(risk.positionFraction()))
                .append("max_open_positions", risk.maxOpenPositions())
                .append("max_exposure", decimal(risk.maxExposure()))
                .append("daily_loss_limit", decimal(risk.dailyLossLimit()))
                .append("stop_loss", decimal(risk.stopLoss())).append("take_profit", decimal(risk.takeProfit()))
                .append("trailing_stop", decimal(risk.trailingStop()));
    }

    private static Document runDocument(Bot.Run run) {
        return new Document("number", run.number()).append("start_after", run.startAfter())
                .append("initial_cash", new Decimal128(run.initialCash()))
                .append("started_at", Date.from(run.startedAt()));
    }

    static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    static BigDecimal bigDecimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }

    private static Bot fromDocument(Document doc) {
        Document risk = doc.get("risk", Document.class);
        Document run = doc.get("run", Document.class);
        Map<String, String> params = new LinkedHashMap<>();
        Document rawParams = doc.get("params", Document.class);
        if (rawParams != null) {
            rawParams.forEach((k, v) -> params.put(k, String.valueOf(v)));
        }
        return new Bot(doc.getString("_id"), doc.getString("user_id"), doc.getString("name"),
                doc.getString("strategy"), params, doc.getList("symbols", String.class),
                Interval.fromCode(doc.getString("interval")), doc.getString("mode"),
                new Bot.Risk(bigDecimal(risk.get("position_fraction")), risk.getInteger("max_open_positions"),
                        bigDecimal(risk.get("max_exposure")), bigDecimal(risk.get("daily_loss_limit")),
                        bigDecimal(risk.get("stop_loss")), bigDecimal(risk.get("take_profit")),
                        bigDecimal(risk.get("trailing_stop"))),
                bigDecimal(doc.get("initial_balance")), doc.getString("status"),
                Boolean.TRUE.equals(doc.getBoolean("stop_requested")), doc.getString("stop_reason"),
                run == null ? null : new Bot.Run(run.getInteger("number"), run.getLong("start_after"),
                        bigDecimal(run.get("initial_cash")), run.getDate("started_at").toInstant()),
                doc.getDate("created_at").toInstant());
    }
}
