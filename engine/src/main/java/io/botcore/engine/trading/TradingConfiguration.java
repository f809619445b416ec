package io.botcore.engine.trading;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import io.botcore.core.market.Candle;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.ai.EngineStrategies;
import io.botcore.engine.feed.CandleBatch;
import io.botcore.engine.maintenance.MaintenanceMonitor;
import io.botcore.engine.feed.MarketFeed;
import io.botcore.engine.exchange.BinanceMetrics;
import io.botcore.engine.feed.LiveFeed;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.exchange.binance.BinanceKlineStream;
import io.botcore.exchange.binance.BinanceRestClient;
import io.botcore.engine.market.MarketDataService;
import io.botcore.engine.ws.EventHub;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires the market feed to the bots, the WebSocket and {@code market_data}, and starts both once the engine is
 * ready to serve.
 */
@Configuration(proxyBeanMethods = false)
class TradingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TradingConfiguration.class);
    /** How long a live batch waits for the candles of its other symbols. */
    private static final Duration LIVE_BATCH_GRACE = Duration.ofSeconds(10);

    @Bean
    TradingMetrics tradingMetrics(MeterRegistry registry) {
        return new TradingMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    BotManager botManager(MongoDatabase database, CandleStore candles, EngineSettings settings, EventHub events,
            TradingMetrics metrics, EngineStrategies strategies, MaintenanceMonitor maintenance, Clock clock) {
        return new BotManager(database, candles, settings.trading(), events, metrics, strategies, maintenance, clock);
    }

    @Bean(destroyMethod = "close")
    FeedWiring feedWiring(CandleStore candles, EngineSettings settings, BotManager manager, EventHub events,
            MarketDataService market, MongoDatabase database, BinanceRestClient binance,
            BinanceMetrics binanceMetrics, MeterRegistry registry, Clock clock) {
        TradingSettings t = settings.trading();
        Optional<MarketFeed> feed = switch (t.feed()) {
            case "replay" -> Optional.of(new ReplayFeed(candles, t.symbols(), t.interval(), t.replaySpeed(),
                    t.replayDays(), clock));
            case "live" -> Optional.of(new LiveFeed(candles, binance, t.streamUrl(), t.symbols(), t.interval(),
                    LIVE_BATCH_GRACE, BinanceKlineStream.Settings.standard(), clock));
            default -> Optional.empty();
        };
        feed.filter(LiveFeed.class::isInstance).map(LiveFeed.class::cast)
                .ifPresent(live -> binanceMetrics.bindKlineStream(live::streamStatus));
        return new FeedWiring(feed, manager, events, market, database, registry, clock);
    }

    /** Subscribes bots, clients and {@code market_data} to the feed, and exports the feed's freshness. */
    static final class FeedWiring implements AutoCloseable {

        private final Optional<MarketFeed> feed;
        private final BotManager manager;
        private final EventHub events;
        private final MarketDataService market;
        private final MongoDatabase database;
        private final Clock clock;
        private final Map<String, Long> lastCandle = new ConcurrentHashMap<>();
        /** Writes {@code market_data} off the feed's thread; drops writes beyond 10,000 waiting (the store has them). */
        private final ExecutorService recentWriter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "market-data-writer");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());

        FeedWiring(Optional<MarketFeed> feed, BotManager manager, EventHub events, MarketDataService market,
                MongoDatabase database, MeterRegistry registry, Clock clock) {
            this.feed = feed;
            this.market = market;
            this.manager = manager;
            this.events = events;
            this.database = database;
            this.clock = clock;
            feed.ifPresent(f -> {
                for (String symbol : manager.settings().symbols()) {
                    Gauge.builder("bot_core.market_feed.last_candle.timestamp", lastCandle,
                            m -> m.getOrDefault(symbol, 0L) / 1000.0).baseUnit("seconds")
                            .tag("symbol", symbol).tag("interval", f.interval().code())
                            .description("when the newest closed candle was delivered (replay: wall-clock time it "
                                    + "was played)").register(registry);
                    Gauge.builder("bot_core.market_feed.interval", f, MarketFeed::periodSeconds).baseUnit("seconds")
                            .tag("symbol", symbol).tag("interval", f.interval().code())
                            .description("seconds between two candles of the feed (replay: between two played "
                                    + "candles)").register(registry);
                }
            });
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            feed.ifPresent(f -> f.subscribe(this::onBatch));
            manager.start();
            feed.ifPresent(f -> {
                try {
                    f.start();
                } catch (RuntimeException e) {
                    log.error("market feed not started: {}", e.getMessage());
                }
            });
        }

        private void onBatch(CandleBatch batch) {
            manager.onBatch(batch);
            long now = clock.millis();
            for (Map.Entry<String, Candle> entry : batch.candles().entrySet()) {
                lastCandle.put(entry.getKey(), now);
                Candle c = entry.getValue();
                market.candleStored(entry.getKey(), batch.interval(), c.openTime());
                Map<String, Object> candle = new LinkedHashMap<>();
                candle.put("timestamp", c.openTime());
                candle.put("open", c.open());
                candle.put("high", c.high());
                candle.put("low", c.low());
                candle.put("close", c.close());
                candle.put("volume", c.volume());
                candle.put("is_closed", true);
                events.publish(null, "ChartUpdate", Map.of("symbol", entry.getKey(), "timeframe",
                        batch.interval().code(), "candle", candle, "latest_price", c.close(), "timestamp",
                        batch.closeTime()));
                events.publish(null, "MarketData", Map.of("symbol", entry.getKey(), "price", c.close(),
                        "timestamp", batch.closeTime()));
                recentWriter.execute(() -> storeRecent(entry.getKey(), batch, c));
            }
        }

        /** Recent candles in {@code market_data} (30-day TTL); the candle store keeps the full history. */
        private void storeRecent(String symbol, CandleBatch batch, Candle c) {
            String id = symbol + ":" + batch.interval().code() + ":" + c.openTime();
            try {
                database.getCollection("market_data").replaceOne(Filters.eq("_id", id), new Document("_id", id)
                        .append("symbol", symbol).append("timeframe", batch.interval().code())
                        .append("open_time", c.openTime()).append("close_time", batch.closeTime() - 1)
                        .append("open_price", c.open()).append("high_price", c.high()).append("low_price", c.low())
                        .append("close_price", c.close()).append("volume", c.volume())
                        .append("timestamp", new Date(clock.millis())), new ReplaceOptions().upsert(true));
            } catch (RuntimeException e) {
                log.warn("market_data: {} not stored (the candle store has it): {}", id, e.toString());
            }
        }

        /** The feed's state, for health. */
        Optional<MarketFeed.FeedStatus> status() {
            return feed.map(MarketFeed::status);
        }

        @Override
        public void close() {
            feed.ifPresent(MarketFeed::close);
            recentWriter.shutdownNow();
        }
    }
}
