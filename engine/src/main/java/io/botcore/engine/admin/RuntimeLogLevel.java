package io.botcore.engine.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The log level of Bot Core's loggers, changed without a restart: the wanted level is stored in
 * {@code system_settings} (by the API or {@code ./bot-core log-level}) and every engine applies it within
 * a second.
 *
 * <p>Thread-safe.
 */
public final class RuntimeLogLevel {

    /** Levels an operator may choose. */
    public static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    private static final Logger log = LoggerFactory.getLogger(RuntimeLogLevel.class);
    private static final List<String> LOGGERS = List.of("io.botcore", "http", "health", "auth", "audit");

    private final MongoCollection<Document> settings;
    private final LoggingSystem logging;
    private final Clock clock;
    private volatile String applied;

    public RuntimeLogLevel(MongoDatabase database, LoggingSystem logging, Clock clock, String startLevel) {
        this.settings = database.getCollection("system_settings");
        this.logging = logging;
        this.clock = clock;
        this.applied = startLevel;
    }

    /** @throws IllegalArgumentException naming the allowed levels */
    public static String parse(String level) {
        String l = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", LEVELS));
        }
        return l;
    }

    /** Stores the wanted level for every engine and applies it here at once. */
    public void set(String level, String actor) {
        apply(store(settings, level, actor, clock));
    }

    /** Stores the wanted level for every engine (used by the CLI, which has no engine of its own). */
    public static String store(MongoDatabase database, String level, String actor, Clock clock) {
        return store(database.getCollection("system_settings"), level, actor, clock);
    }

    private static String store(MongoCollection<Document> settings, String level, String actor, Clock clock) {
        String l = parse(level);
        settings.replaceOne(Filters.eq("_id", "log_level"), new Document("_id", "log_level").append("value", l)
                .append("by", actor).append("at", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
        return l;
    }

    /** Applies the stored level when it differs from the current one (called every second). */
    public void sync() {
        Document doc = settings.find(Filters.eq("_id", "log_level")).first();
        if (doc != null && !doc.getString("value").equals(applied)) {
            apply(doc.getString("value"));
        }
    }

    public String current() {
        return applied;
    }

    private void apply(String level) {
        LogLevel target = LogLevel.valueOf(level.toUpperCase(Locale.ROOT));
        LOGGERS.forEach(name -> logging.setLogLevel(name, target));
        if (!level.equals(applied)) {
            log.warn("log level of Bot Core's loggers is now {} (was {})", level, applied);
        }
        applied = level;
    }
}
