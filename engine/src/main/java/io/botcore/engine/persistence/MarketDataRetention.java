package io.botcore.engine.persistence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import java.time.Clock;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes {@code market_data} older than 30 days every hour. MongoDB's TTL index does this on a real
 * server; the embedded server keeps the index but never expires documents, so the engine does it
 * itself, on any database, with the same cut-off.
 */
@Component
public class MarketDataRetention {

    private static final Logger log = LoggerFactory.getLogger(MarketDataRetention.class);

    private final MongoDatabase database;
    private final Clock clock;

    MarketDataRetention(MongoDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purge() {
        long deleted = purgeOlderThanTtl();
        if (deleted > 0) {
            log.info("market_data retention removed {} documents older than 30 days", deleted);
        }
    }

    /** Deletes market data older than the TTL now; returns how many documents went. */
    public long purgeOlderThanTtl() {
        Date cutoff = Date.from(clock.instant().minusSeconds(Indexes.MARKET_DATA_TTL_SECONDS));
        return database.getCollection("market_data").deleteMany(Filters.lt("timestamp", cutoff)).getDeletedCount();
    }
}
