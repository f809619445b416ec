package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.core.market.store.StoredCandles;
import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.fake.FakeBinanceServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads recorded real BTCUSDT 1h candles from the local fake Binance into a candle store. */
class KlineDownloaderTest {

    private static CandleSeries recorded;

    @TempDir
    Path dir;

    private final FakeBinanceServer fake = FakeBinanceServer.start(0, Clock.systemUTC());
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        recorded = CandleCsvReader.read(root.resolve("data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"),
                Interval.H1);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldStoreExactlyTheRecordedCandlesPageByPage() throws Exception {
        fake.serveKlines("BTCUSDT", recorded);
        long from = millis("2024-01-01T00:00:00Z");
        long to = millis("2024-03-01T00:00:00Z");

        KlineDownloader.Result result = downloader().download("BTCUSDT", Interval.H1, from, to, (n, f, t, c) -> { });

        StoredCandles stored = store().readAll("binance", "BTCUSDT", Interval.H1);
        assertThat(result.candles()).isEqualTo(1440);
        assertThat(result.requests()).isEqualTo(2);
        assertThat(stored.series()).isEqualTo(recorded.between(from, to));
    }

    @Test
    void shouldResumeAfterTheLastStoredCandle() throws Exception {
        fake.serveKlines("BTCUSDT", recorded);
        long from = millis("2024-01-01T00:00:00Z");
        downloader().download("BTCUSDT", Interval.H1, from, millis("2024-02-01T00:00:00Z"), (n, f, t, c) -> { });

        KlineDownloader.Result second = downloader().download("BTCUSDT", Interval.H1, from,
                millis("2024-03-01T00:00:00Z"), (n, f, t, c) -> { });

        assertThat(second.resumedFrom()).isEqualTo(millis("2024-02-01T00:00:00Z"));
        assertThat(second.candles()).isEqualTo(29 * 24);
        assertThat(store().readAll("binance", "BTCUSDT", Interval.H1).series())
                .isEqualTo(recorded.between(from, millis("2024-03-01T00:00:00Z")));
    }

    @Test
    void shouldKeepTheExchangesGapsAndReportThem() throws Exception {
        fake.serveKlines("BTCUSDT", recorded);
        long from = millis("2021-08-12T00:00:00Z");
        long to = millis("2021-08-15T00:00:00Z");

        downloader().download("BTCUSDT", Interval.H1, from, to, (n, f, t, c) -> { });

        StoredCandles stored = store().readAll("binance", "BTCUSDT", Interval.H1);
        assertThat(stored.gaps()).isEqualTo(recorded.between(from, to).gaps()).isNotEmpty();
        assertThat(stored.missingCount()).isEqualTo(4);
    }

    @Test
    void shouldWaitWhatA429AsksAndThenContinue() throws Exception {
        fake.serveKlines("BTCUSDT", recorded);
        fake.failNext("/api/v3/klines", new FakeBinanceServer.Fault(429, "{\"code\":-1003,\"msg\":\"Too many requests\"}",
                Map.of("Retry-After", "7")), 2);

        KlineDownloader.Result result = downloader().download("BTCUSDT", Interval.H1, millis("2024-01-01T00:00:00Z"),
                millis("2024-01-02T00:00:00Z"), (n, f, t, c) -> { });

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(result.candles()).isEqualTo(24);
    }

    @Test
    void shouldStopAtA418AndSendNothingMore() {
        fake.serveKlines("BTCUSDT", recorded);
        fake.fail("/api/v3/klines", new FakeBinanceServer.Fault(418, "{\"code\":-1003,\"msg\":\"banned\"}",
                Map.of("Retry-After", "600")));
        KlineDownloader downloader = downloader();

        assertThatThrownBy(() -> downloader.download("BTCUSDT", Interval.H1, millis("2024-01-01T00:00:00Z"),
                millis("2024-02-01T00:00:00Z"), (n, f, t, c) -> { })).isInstanceOf(ExchangeBannedException.class);
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    private RequestWeightBudget budget;

    private KlineDownloader downloader() {
        if (budget == null) {
            budget = new RequestWeightBudget(1200, Clock.systemUTC(), sleeps::add);
        }
        BinanceRestClient client = new BinanceRestClient(fake.baseUrl(), Duration.ofSeconds(5), budget);
        return new KlineDownloader(client, store(), Clock.systemUTC(), sleeps::add);
    }

    private CandleStore store() {
        return new CandleStore(dir.resolve("market"));
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
