package io.botcore.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.exchange.binance.BinanceKlineStream;
import io.botcore.exchange.binance.BinanceRestClient;
import io.botcore.exchange.binance.RequestWeightBudget;
import io.botcore.exchange.fake.FakeBinanceServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded real BTCUSDT and ETHUSDT hours through the fake Binance into the store and out as batches. */
class LiveFeedTest {

    private static final long HOUR = Interval.H1.millis();
    private static final long DAY_START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    private static CandleSeries btc;
    private static CandleSeries eth;

    /** The market's time, set by the test. */
    private static final class MarketClock extends Clock {
        volatile long now;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    @TempDir
    Path dir;

    private final FakeBinanceServer fake = FakeBinanceServer.start(0, Clock.systemUTC());
    private final MarketClock market = new MarketClock();
    private final List<CandleBatch> batches = new CopyOnWriteArrayList<>();
    private final List<String> unstoredAtDelivery = new CopyOnWriteArrayList<>();
    private LiveFeed feed;

    @BeforeAll
    static void load() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        btc = CandleCsvReader.read(root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"),
                Interval.H1).between(DAY_START, DAY_START + 24 * HOUR);
        eth = CandleCsvReader.read(root.resolve("data/recorded/binance_ETHUSDT_1h_2020-09-20_2025-09-19.csv.gz"),
                Interval.H1).between(DAY_START, DAY_START + 24 * HOUR);
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        fake.close();
    }

    @Test
    void shouldStoreEachCandleThenDeliverBatchesFromTheLastStoredCandleOn() throws Exception {
        CandleStore store = new CandleStore(dir);
        store.write(LiveFeed.EXCHANGE, "BTCUSDT", btc.slice(0, 2));
        store.write(LiveFeed.EXCHANGE, "ETHUSDT", eth.slice(0, 2));
        fake.serveKlines("BTCUSDT", btc);
        fake.serveKlines("ETHUSDT", eth);
        market.now = btc.openTime(4) + HOUR / 2;
        feed = new LiveFeed(store, new BinanceRestClient(fake.baseUrl(), Duration.ofSeconds(2),
                RequestWeightBudget.standard()), fake.streams().baseUrl(), List.of("BTCUSDT", "ETHUSDT"), Interval.H1,
                Duration.ofMillis(300), new BinanceKlineStream.Settings(Duration.ofMillis(50), Duration.ofMillis(400),
                        Duration.ofHours(23), Duration.ofSeconds(5)), market);
        feed.subscribe(batch -> {
            batches.add(batch);
            for (String symbol : batch.candles().keySet()) {
                try {
                    if (store.lastOpenTime(LiveFeed.EXCHANGE, symbol, Interval.H1).orElse(0) < batch.openTime()) {
                        unstoredAtDelivery.add(symbol + "@" + batch.openTime());
                    }
                } catch (IOException e) {
                    unstoredAtDelivery.add(e.toString());
                }
            }
        });

        feed.start();
        await("the back-filled hours 2 and 3", () -> batches.size() == 2);
        market.now = btc.openTime(4) + HOUR;
        fake.streams().pushKline("BTCUSDT", Interval.H1, btc.candle(4), market.now, true);
        fake.streams().pushKline("ETHUSDT", Interval.H1, eth.candle(4), market.now, true);
        await("hour 4, complete", () -> batches.size() == 3);
        market.now = btc.openTime(5) + HOUR;
        fake.streams().pushKline("BTCUSDT", Interval.H1, btc.candle(5), market.now, true);
        await("hour 5 after the grace, without ETH", () -> batches.size() == 4);
        fake.streams().pushKline("ETHUSDT", Interval.H1, eth.candle(5), market.now, true);
        await("the late ETH candle stored", () -> lastStored(store, "ETHUSDT") == eth.openTime(5));

        assertThat(batches).extracting(CandleBatch::openTime).containsExactly(btc.openTime(2), btc.openTime(3),
                btc.openTime(4), btc.openTime(5));
        for (int i = 0; i < 3; i++) {
            assertThat(batches.get(i).candles()).containsExactly(Map.entry("BTCUSDT", btc.candle(i + 2)),
                    Map.entry("ETHUSDT", eth.candle(i + 2)));
        }
        assertThat(batches.get(3).candles()).containsExactly(Map.entry("BTCUSDT", btc.candle(5)));
        assertThat(unstoredAtDelivery).isEmpty();
        assertThat(store.readAll(LiveFeed.EXCHANGE, "BTCUSDT", Interval.H1).series()).isEqualTo(btc.slice(0, 6));
        assertThat(store.readAll(LiveFeed.EXCHANGE, "ETHUSDT", Interval.H1).series()).isEqualTo(eth.slice(0, 6));
        assertThat(feed.status().source()).isEqualTo("binance");
        assertThat(feed.status().running()).isTrue();
        assertThat(feed.status().lastOpenTime()).isEqualTo(btc.openTime(5));
        assertThat(feed.streamStatus().backfilled()).isEqualTo(4);
    }

    private static long lastStored(CandleStore store, String symbol) {
        try {
            return store.lastOpenTime(LiveFeed.EXCHANGE, symbol, Interval.H1).orElse(0);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
