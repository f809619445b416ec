package io.botcore.engine.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.botcore.platform.logging.SecretRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what, when, from where: logins (ok and failed), refreshes, password changes, user changes,
 * log-level changes, IP blocks. Stored in {@code audit_events}; a detail value that contains a registered
 * secret is masked before it is written, and callers never pass passwords or tokens.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("audit");

    private final MongoCollection<Document> events;
    private final Clock clock;

    /**
     * One audit event.
     *
     * @param at when (UTC)
     * @param type e.g. {@code login.ok}, {@code login.failed}, {@code ip.blocked}
     * @param actor email of the user, or {@code cli} for host commands
     * @param address client address, or {@code local}
     * @param details small map of non-secret facts
     */
    public record Event(Instant at, String type, String actor, String address, Map<String, Object> details) {
    }

    public AuditLog(MongoDatabase database, Clock clock) {
        this.events = database.getCollection("audit_events");
        this.clock = clock;
    }

    /** Records an event; the details are key/value pairs of non-secret facts. */
    public void record(String type, String actor, String address, Object... keyValues) {
        Document details = new Document();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            details.append(String.valueOf(keyValues[i]), value instanceof String s ? SecretRegistry.redact(s) : value);
        }
        events.insertOne(new Document("at", Date.from(clock.instant())).append("type", type)
                .append("actor", actor == null ? "anonymous" : actor).append("address", address)
                .append("details", details));
        log.info("{} by {} from {} {}", type, actor, address, details.toJson());
    }

    /** Events since {@code since}, newest first, optionally of one type. */
    public List<Event> since(Instant since, String type, int limit) {
        Bson filter = type == null ? Filters.gte("at", Date.from(since))
                : Filters.and(Filters.gte("at", Date.from(since)), Filters.eq("type", type));
        List<Event> out = new ArrayList<>();
        for (Document doc : events.find(filter).sort(Sorts.descending("at")).limit(limit)) {
            Document details = doc.get("details", Document.class);
            out.add(new Event(doc.getDate("at").toInstant(), doc.getString("type"), doc.getString("actor"),
                    doc.getString("address"), details == null ? Map.of() : new LinkedHashMap<>(details)));
        }
        return out;
    }
}
