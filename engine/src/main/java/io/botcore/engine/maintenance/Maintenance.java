package io.botcore.engine.maintenance;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;

/**
 * Maintenance mode, stored in {@code system_settings} (document {@code maintenance}) so {@code ./bot-core
 * maintenance on|off} acts on every engine: while it is on, mutating API requests of non-admins answer 503,
 * {@code /api/health} says {@code maintenance}, and bots place no new orders ({@link #active(MongoDatabase)}).
 * It ends by itself at {@code until} when one was given.
 *
 * <p>Thread-safe.
 */
public final class Maintenance {

    static final String ID = "maintenance";

    private Maintenance() {
    }

    /**
     * Maintenance as switched on.
     *
     * @param message what users are told
     * @param until when it ends by itself, or {@code null} (until switched off)
     * @param by who switched it on
     * @param since when
     */
    public record State(String message, Instant until, String by, Instant since) {

        public State {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(since, "since");
        }

        /** Whether it is in force at {@code now} (on, and {@code until} not reached). */
        public boolean activeAt(Instant now) {
            return until == null || now.isBefore(until);
        }
    }

    /** Switches maintenance on for every engine. */
    public static void on(MongoDatabase database, String message, Instant until, String by, Clock clock) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new IllegalArgumentException("until must be in the future, got " + until);
        }
        settings(database).replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("enabled", true)
                .append("message", message.strip()).append("until", until == null ? null : Date.from(until))
                .append("by", by).append("since", Date.from(now)), new ReplaceOptions().upsert(true));
    }

    /** Switches maintenance off for every engine. */
    public static void off(MongoDatabase database) {
        settings(database).deleteOne(Filters.eq("_id", ID));
    }

    /** The stored state when maintenance is switched on (it may have passed its {@code until}). */
    public static Optional<State> state(MongoDatabase database) {
        Document d = settings(database).find(Filters.eq("_id", ID)).first();
        if (d == null || !d.getBoolean("enabled", false)) {
            return Optional.empty();
        }
        Date until = d.getDate("until");
        return Optional.of(new State(d.getString("message"), until == null ? null : until.toInstant(), d.getString("by"),
                d.getDate("since").toInstant()));
    }

    /**
     * Whether maintenance is in force now: the check a bot makes before placing a new order (protective exits
     * of open positions go on). One read of one document by id.
     */
    public static boolean active(MongoDatabase database) {
        return active(database, Clock.systemUTC());
    }

    public static boolean active(MongoDatabase database, Clock clock) {
        return state(database).map(s -> s.activeAt(clock.instant())).orElse(false);
    }

    private static MongoCollection<Document> settings(MongoDatabase database) {
        return database.getCollection("system_settings").withWriteConcern(WriteConcern.MAJORITY);
    }
}
