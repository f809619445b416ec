package io.botcore.engine.trading;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;

/**
 * The kill switch, stored in {@code system_settings} so the API and {@code ./bot-core kill-switch} act on every
 * engine: engaging it asks every running bot to stop (each cancels its orders and closes its positions) and
 * refuses to start any bot until it is released.
 *
 * <p>Thread-safe.
 */
public final class KillSwitch {

    private static final String ID = "kill_switch";

    private KillSwitch() {
    }

    /**
     * The state of the switch.
     *
     * @param engaged whether bots are held stopped
     * @param reason  why, as given by whoever engaged it
     * @param by      who engaged or released it
     * @param at      when
     */
    public record State(boolean engaged, String reason, String by, Instant at) {
    }

    /** Engages the switch and asks every running bot to stop; returns how many were asked. */
    public static long engage(MongoDatabase database, String reason, String by, Clock clock) {
        write(database, new Document("_id", ID).append("engaged", true).append("reason", reason).append("by", by)
                .append("at", Date.from(clock.instant())));
        return new BotStore(database, clock).requestStopAll("kill switch: " + reason);
    }

    public static void release(MongoDatabase database, String by, Clock clock) {
        write(database, new Document("_id", ID).append("engaged", false).append("reason", null).append("by", by)
                .append("at", Date.from(clock.instant())));
    }

    public static Optional<State> state(MongoDatabase database) {
        Document doc = settings(database).find(Filters.eq("_id", ID)).first();
        return Optional.ofNullable(doc).map(d -> new State(d.getBoolean("engaged", false), d.getString("reason"),
                d.getString("by"), d.getDate("at").toInstant()));
    }

    public static boolean engaged(MongoDatabase database) {
        return state(database).map(State::engaged).orElse(false);
    }

    private static void write(MongoDatabase database, Document doc) {
        settings(database).replaceOne(Filters.eq("_id", ID), doc, new ReplaceOptions().upsert(true));
    }

    private static MongoCollection<Document> settings(MongoDatabase database) {
        return database.getCollection("system_settings").withWriteConcern(WriteConcern.MAJORITY);
    }
}
