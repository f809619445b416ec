package io.botcore.engine.ai;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.botcore.core.strategy.Reason;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Signal;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Every decision of an {@code ai} strategy after its bot's start, in the MongoDB collection {@code ai_signals},
 * written before the decision is acted on. A bot is rebuilt after a restart by feeding its stored candles again
 * ({@code BotRunner}); the strategy then reads its earlier decisions here instead of asking the service again, so
 * the rebuilt session makes exactly the trades it made before, whatever the service answers today.
 *
 * <p>Document {@code _id} = {@code <bot id>:<run>:<symbol>:<open time>}; fields as the original system's
 * {@code ai_signals}: {@code signal_id, bot_id, run, symbol, signal_type} ({@code BUY/SELL/HOLD}),
 * {@code confidence, reasoning, values, hold_reason} (why the strategy held without a model answer, or null),
 * {@code model_version, timestamp} (candle open time, ms) and {@code created_at}.
 *
 * <p>Thread-safe.
 */
public final class SignalJournal {

    /** Name of the collection. */
    public static final String COLLECTION = "ai_signals";

    private final MongoCollection<Document> signals;
    private final Clock clock;

    public SignalJournal(MongoDatabase database, Clock clock) {
        this.signals = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** A decision as stored: the signal and, for a hold without an answer, why. */
    public record Entry(Signal signal, String holdReason, String modelVersion) {
    }

    static String id(AiContext context, long openTime) {
        return context.botId() + ":" + context.run() + ":" + context.symbol() + ":" + openTime;
    }

    /** The decision stored for this bot run, symbol and candle, if any. */
    public Optional<Entry> find(AiContext context, long openTime) {
        Document doc = signals.find(Filters.eq("_id", id(context, openTime))).first();
        if (doc == null) {
            return Optional.empty();
        }
        Side side = Side.valueOf(doc.getString("signal_type"));
        Signal signal;
        if (side == Side.HOLD) {
            signal = Signal.hold(openTime);
        } else {
            Map<String, Double> values = new LinkedHashMap<>();
            Document stored = doc.get("values", Document.class);
            if (stored != null) {
                stored.forEach((k, v) -> values.put(k, ((Number) v).doubleValue()));
            }
            signal = new Signal(openTime, side, doc.getDouble("confidence"),
                    List.of(new Reason(AiStrategy.NAME, doc.getString("reasoning"), values)));
        }
        return Optional.of(new Entry(signal, doc.getString("hold_reason"), doc.getString("model_version")));
    }

    /** Stores a decision (idempotent: the same id is replaced by the same content). */
    public void record(AiContext context, Entry entry) {
        Signal s = entry.signal();
        String id = id(context, s.openTime());
        Reason reason = s.reasons().isEmpty() ? null : s.reasons().get(0);
        Document doc = new Document("_id", id).append("signal_id", id).append("bot_id", context.botId())
                .append("run", context.run()).append("symbol", context.symbol())
                .append("signal_type", s.side().name()).append("confidence", s.confidence())
                .append("reasoning", reason == null ? null : reason.rule())
                .append("values", reason == null ? null : new Document(new LinkedHashMap<>(reason.values())))
                .append("hold_reason", entry.holdReason()).append("model_version", entry.modelVersion())
                .append("timestamp", s.openTime()).append("created_at", Date.from(clock.instant()));
        signals.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }
}
