package io.botcore.engine.persistence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexes of the operations manual's "Database Optimization", created at every start. Creating an
 * index that exists with the same keys and options is a no-op, so this is idempotent.
 */
public final class Indexes {

    /** Market data older than this is removed (TTL index, and {@link MarketDataRetention} where TTL is not run). */
    public static final long MARKET_DATA_TTL_SECONDS = 2_592_000L;

    private static final Logger log = LoggerFactory.getLogger(Indexes.class);

    private Indexes() {
    }

    public static void ensure(MongoDatabase db) {
        db.getCollection("trades").createIndex(new Document("user_id", 1).append("timestamp", -1));
        db.getCollection("trades").createIndex(new Document("symbol", 1).append("timestamp", -1));
        db.getCollection("trades").createIndex(new Document("status", 1).append("timestamp", -1));
        db.getCollection("market_data").createIndex(new Document("symbol", 1).append("timestamp", -1));
        db.getCollection("market_data").createIndex(new Document("timestamp", -1),
                new IndexOptions().expireAfter(MARKET_DATA_TTL_SECONDS, TimeUnit.SECONDS));
        db.getCollection("users").createIndex(new Document("email", 1), new IndexOptions().unique(true));
        db.getCollection("users").createIndex(new Document("created_at", -1));
        db.getCollection("orders").createIndex(new Document("client_order_id", 1), new IndexOptions().unique(true));
        db.getCollection("orders").createIndex(new Document("user_id", 1).append("timestamp", -1));
        db.getCollection("orders").createIndex(new Document("bot_id", 1).append("timestamp", -1));
        db.getCollection("fills").createIndex(new Document("bot_id", 1).append("timestamp", -1));
        db.getCollection("trades").createIndex(new Document("bot_id", 1).append("timestamp", -1));
        db.getCollection("signals").createIndex(new Document("bot_id", 1).append("timestamp", -1));
        db.getCollection("portfolio_history").createIndex(new Document("bot_id", 1).append("timestamp", -1));
        db.getCollection("bots").createIndex(new Document("user_id", 1).append("created_at", 1));
        log.info("indexes ensured on {}: trades x4, market_data x2 (30-day TTL), users x2, orders x3 (unique "
                + "client_order_id), fills, signals, portfolio_history, bots", db.getName());
    }
}
